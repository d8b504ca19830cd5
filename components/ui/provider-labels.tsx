const labelClass =
  "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold tracking-wide uppercase ring-1 ring-inset";

/** Marks a resource made by the simulated provisioning driver: nothing real runs. */
export function SimulatedLabel() {
  return (
    <span
      className={`${labelClass} bg-violet-50 text-violet-900 ring-violet-300`}
      title="Created by the simulated provisioning driver; no real server or service runs"
    >
      Simulated
    </span>
  );
}

/** Marks anything of the sandbox payment provider: no real money moves. */
export function SandboxLabel() {
  return (
    <span
      className={`${labelClass} bg-amber-100 text-amber-950 ring-amber-400`}
      title="Sandbox payment provider; test cards only, no real money moves"
    >
      Sandbox
    </span>
  );
}

/** Renders the label of a resource's driver, or nothing for a real driver. */
export function DriverLabel({ driver }: { driver: string }) {
  return driver === "simulated" ? <SimulatedLabel /> : null;
}

/** Renders the label of a payment provider, or nothing for a real one. */
export function PaymentProviderLabel({ provider }: { provider: string }) {
  return provider === "sandbox" ? <SandboxLabel /> : null;
}
