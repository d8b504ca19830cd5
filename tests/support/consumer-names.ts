export const consumerNames: string[] = [];
