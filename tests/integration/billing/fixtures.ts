/** A virtual machine order form that the seeded catalog prices at 2400 USD a month. */
export type VirtualMachineSpec = {
  kind: "VIRTUAL_MACHINE";
  name: string;
  regionId: string;
  imageId: string;
  planId: string;
};

export function vmSpec(overrides: Partial<VirtualMachineSpec> = {}): VirtualMachineSpec {
  return {
    kind: "VIRTUAL_MACHINE",
    name: "web-1",
    regionId: "fra1",
    imageId: "ubuntu-24-04",
    planId: "vm-s2",
    ...overrides,
  };
}

/** The appUrl the web process passes to startPayment in these tests. */
export const testAppUrl = "http://localhost:3000";
