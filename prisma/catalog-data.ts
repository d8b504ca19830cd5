import { domainPriceKey, storagePriceKey } from "../lib/catalog/types";

/**
 * The catalog the seed script writes. Prices are monthly, in US cents, unless
 * the unit says otherwise; changing a price here and reseeding changes it for
 * new orders only, because invoices copy their prices.
 */
export const regions = [
  { id: "fra1", name: "Frankfurt 1", city: "Frankfurt", country: "DE", sortOrder: 1 },
  { id: "ams1", name: "Amsterdam 1", city: "Amsterdam", country: "NL", sortOrder: 2 },
  { id: "nyc1", name: "New York 1", city: "New York", country: "US", sortOrder: 3 },
  { id: "sfo1", name: "San Francisco 1", city: "San Francisco", country: "US", sortOrder: 4 },
  { id: "sgp1", name: "Singapore 1", city: "Singapore", country: "SG", sortOrder: 5 },
];

export const osImages = [
  { id: "ubuntu-24-04", name: "Ubuntu 24.04 LTS", family: "ubuntu", sortOrder: 1 },
  { id: "debian-12", name: "Debian 12", family: "debian", sortOrder: 2 },
  { id: "rocky-9", name: "Rocky Linux 9", family: "rocky", sortOrder: 3 },
  { id: "fedora-41", name: "Fedora 41", family: "fedora", sortOrder: 4 },
];

export const runtimes = [
  { id: "node-22", name: "Node.js 22", sortOrder: 1 },
  { id: "python-3-13", name: "Python 3.13", sortOrder: 2 },
  { id: "go-1-24", name: "Go 1.24", sortOrder: 3 },
  { id: "ruby-3-4", name: "Ruby 3.4", sortOrder: 4 },
];

export const databaseEngines = [
  { id: "postgresql-17", engine: "postgresql", version: "17", name: "PostgreSQL 17", sortOrder: 1 },
  { id: "postgresql-16", engine: "postgresql", version: "16", name: "PostgreSQL 16", sortOrder: 2 },
  { id: "mysql-8-4", engine: "mysql", version: "8.4", name: "MySQL 8.4", sortOrder: 3 },
  { id: "redis-7-4", engine: "redis", version: "7.4", name: "Redis 7.4", sortOrder: 4 },
];

const usd = "USD";

export const plans = [
  {
    id: "vm-s1",
    kind: "VIRTUAL_MACHINE",
    name: "Basic S1",
    vcpus: 1,
    memoryMb: 1024,
    diskGb: 25,
    monthlyPriceMinor: 600,
    sortOrder: 1,
  },
  {
    id: "vm-s2",
    kind: "VIRTUAL_MACHINE",
    name: "Basic S2",
    vcpus: 2,
    memoryMb: 4096,
    diskGb: 80,
    monthlyPriceMinor: 2400,
    sortOrder: 2,
  },
  {
    id: "vm-m4",
    kind: "VIRTUAL_MACHINE",
    name: "General M4",
    vcpus: 4,
    memoryMb: 16384,
    diskGb: 160,
    monthlyPriceMinor: 8400,
    sortOrder: 3,
  },
  {
    id: "vm-c8",
    kind: "VIRTUAL_MACHINE",
    name: "CPU-optimised C8",
    vcpus: 8,
    memoryMb: 16384,
    diskGb: 200,
    monthlyPriceMinor: 16800,
    sortOrder: 4,
  },
  {
    id: "web-xs",
    kind: "WEB_SERVICE",
    name: "XS",
    vcpus: 1,
    memoryMb: 512,
    diskGb: 1,
    monthlyPriceMinor: 500,
    sortOrder: 1,
  },
  {
    id: "web-s",
    kind: "WEB_SERVICE",
    name: "S",
    vcpus: 1,
    memoryMb: 1024,
    diskGb: 2,
    monthlyPriceMinor: 1200,
    sortOrder: 2,
  },
  {
    id: "web-m",
    kind: "WEB_SERVICE",
    name: "M",
    vcpus: 2,
    memoryMb: 2048,
    diskGb: 4,
    monthlyPriceMinor: 2500,
    sortOrder: 3,
  },
  {
    id: "db-s",
    kind: "MANAGED_DATABASE",
    name: "DB Small",
    vcpus: 1,
    memoryMb: 2048,
    diskGb: 0,
    monthlyPriceMinor: 1500,
    sortOrder: 1,
  },
  {
    id: "db-m",
    kind: "MANAGED_DATABASE",
    name: "DB Medium",
    vcpus: 2,
    memoryMb: 4096,
    diskGb: 0,
    monthlyPriceMinor: 6000,
    sortOrder: 2,
  },
  {
    id: "db-l",
    kind: "MANAGED_DATABASE",
    name: "DB Large",
    vcpus: 4,
    memoryMb: 16384,
    diskGb: 0,
    monthlyPriceMinor: 24000,
    sortOrder: 3,
  },
].map((plan) => ({ ...plan, currency: usd }));

export const prices = [
  {
    key: storagePriceKey,
    description: "Database storage",
    unit: "GB-month",
    priceMinor: 12,
    currency: usd,
  },
  {
    key: domainPriceKey("com"),
    description: "Registration of a .com domain",
    unit: "year",
    priceMinor: 1299,
    currency: usd,
  },
  {
    key: domainPriceKey("net"),
    description: "Registration of a .net domain",
    unit: "year",
    priceMinor: 1499,
    currency: usd,
  },
  {
    key: domainPriceKey("org"),
    description: "Registration of a .org domain",
    unit: "year",
    priceMinor: 1199,
    currency: usd,
  },
  {
    key: domainPriceKey("io"),
    description: "Registration of a .io domain",
    unit: "year",
    priceMinor: 4999,
    currency: usd,
  },
  {
    key: domainPriceKey("dev"),
    description: "Registration of a .dev domain",
    unit: "year",
    priceMinor: 1599,
    currency: usd,
  },
];

/** Tax by billing country; a country without a row pays no tax. */
export const taxRates = [
  { country: "DE", name: "VAT", basisPoints: 1900 },
  { country: "NL", name: "VAT", basisPoints: 2100 },
  { country: "FR", name: "VAT", basisPoints: 2000 },
  { country: "GB", name: "VAT", basisPoints: 2000 },
  { country: "US", name: "Sales tax", basisPoints: 0 },
  { country: "SG", name: "GST", basisPoints: 900 },
];

/** Countries the sign-up form offers, with their names. */
export const billingCountries = [
  { code: "US", name: "United States" },
  { code: "DE", name: "Germany" },
  { code: "NL", name: "Netherlands" },
  { code: "FR", name: "France" },
  { code: "GB", name: "United Kingdom" },
  { code: "SG", name: "Singapore" },
];
