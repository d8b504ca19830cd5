import { createHash, randomBytes } from "node:crypto";
import type { ConnectionDetails } from "../../api/views";
import type { OrderSpec } from "../../orders/order-schema";
import type { ProvisionedResource } from "../driver";

/** Base domain of every simulated hostname; `.example` never resolves (RFC 2606). */
export const simulatedDomain = "swiftcloud.example";

export const simulatedNameservers = [`ns1.${simulatedDomain}`, `ns2.${simulatedDomain}`];

/** Default port of each database engine the catalog sells. */
const enginePorts: Record<string, number> = {
  postgresql: 5432,
  mysql: 3306,
  redis: 6379,
};

const engineSchemes: Record<string, string> = {
  postgresql: "postgresql",
  mysql: "mysql",
  redis: "redis",
};

/**
 * Returns an address in 203.0.113.0/24, TEST-NET-3, which RFC 5737 reserves
 * for documentation, so a simulated machine can never point at a real host.
 * It is derived from the resource id, so the same resource keeps its address.
 * NOTE: 254 host addresses are shared by every simulated machine, so two
 * machines can get the same address.
 */
export function simulatedIpv4Address(resourceId: string): string {
  const digest = createHash("sha256").update(resourceId).digest();
  const host = 1 + (digest.readUInt16BE(0) % 254);
  return `203.0.113.${host}`;
}

/** Generates a random password of 32 URL-safe characters from 24 bytes of the OS CSPRNG. */
function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

/** Adds whole years in UTC; 29 February rolls over to 1 March in a common year. */
function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/**
 * Generates what the customer needs to reach a simulated resource. Databases
 * get a new random password on every call, so the caller stores the result once.
 */
export function simulatedConnectionDetails(
  resource: ProvisionedResource,
  spec: OrderSpec,
): ConnectionDetails {
  switch (spec.kind) {
    case "VIRTUAL_MACHINE": {
      const address = simulatedIpv4Address(resource.id);
      return {
        fields: [
          { label: "IPv4 address", value: address },
          {
            label: "Hostname",
            value: `${hostLabel(resource)}.${spec.regionId}.vm.${simulatedDomain}`,
          },
          { label: "SSH command", value: `ssh root@${address}` },
        ],
      };
    }
    case "WEB_SERVICE": {
      const source =
        spec.source.type === "image" ? spec.source.image : `runtime ${spec.source.runtimeId}`;
      return {
        fields: [
          { label: "URL", value: `https://${hostLabel(resource)}.apps.${simulatedDomain}` },
          { label: "Source", value: source },
          { label: "Instances", value: String(spec.instances) },
        ],
      };
    }
    case "MANAGED_DATABASE":
      return databaseConnectionDetails(resource);
    case "DOMAIN": {
      const expiresAt = addYears(resource.activatedAt, spec.years);
      return {
        fields: [
          { label: "Domain", value: spec.domain },
          { label: "Nameserver 1", value: simulatedNameservers[0] ?? "" },
          { label: "Nameserver 2", value: simulatedNameservers[1] ?? "" },
          { label: "Expires on", value: expiresAt.toISOString().slice(0, 10) },
        ],
      };
    }
  }
}

function databaseConnectionDetails(resource: ProvisionedResource): ConnectionDetails {
  const engine = resource.catalog.databaseEngine;
  if (!engine) throw new Error(`database engine of resource ${resource.id} is missing`);
  const port = enginePorts[engine.engine];
  const scheme = engineSchemes[engine.engine];
  if (port === undefined || scheme === undefined) {
    throw new Error(`database engine "${engine.engine}" is not supported by the simulated driver`);
  }
  const host = `${hostLabel(resource)}.db.${simulatedDomain}`;
  const password = generatePassword();
  // Redis has no named databases; the others get one named after the resource,
  // with hyphens replaced because an unquoted SQL identifier cannot contain them.
  const database = engine.engine === "redis" ? undefined : resource.name.replace(/-/g, "_");
  const username = engine.engine === "redis" ? "default" : "swiftcloud";
  const path = database === undefined ? "" : `/${database}`;
  const connectionString = `${scheme}://${username}:${password}@${host}:${port}${path}`;

  const fields: ConnectionDetails["fields"] = [
    { label: "Engine", value: engine.name },
    { label: "Host", value: host },
    { label: "Port", value: String(port) },
  ];
  if (database !== undefined) fields.push({ label: "Database", value: database });
  fields.push(
    { label: "Username", value: username },
    { label: "Password", value: password, secret: true },
    { label: "Connection string", value: connectionString, secret: true },
  );
  return { fields };
}

/**
 * Returns the DNS label of a resource: its name plus the start of its id,
 * because names are unique per customer only and two customers' hosts must
 * never share a hostname.
 */
export function hostLabel(resource: Pick<ProvisionedResource, "id" | "name">): string {
  return `${resource.name}-${resource.id.slice(0, 8)}`;
}
