import { billingConsumerNames } from "../../workers/billing/setup";
import { paymentsConsumer } from "../../workers/cluster-manager/setup";

/** Every durable consumer queue of the portal, for tests that clean up a broker namespace. */
export const consumerNames: string[] = [...billingConsumerNames, paymentsConsumer];
