interface ProgressBarProps {
  /** Percentage done, 0 to 100. */
  value: number;
  /** Accessible name, like "Provisioning progress of web-1". */
  label: string;
  /** Current step, shown above the bar and read out with the value. */
  step?: string | null;
}

/**
 * Renders a determinate progress bar. The native progress element draws the
 * bar, so its width needs no inline style. The ARIA attributes repeat its
 * value for tools that read attributes rather than the accessibility tree.
 */
export function ProgressBar({ value, label, step }: ProgressBarProps) {
  const percentage = Math.min(100, Math.max(0, Math.round(value)));
  const valueText = step ? `${percentage}%, ${step}` : `${percentage}%`;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="text-slate-700">{step ?? "Starting…"}</span>
        <span aria-hidden="true" className="font-semibold text-slate-900 tabular-nums">
          {percentage}%
        </span>
      </div>
      <progress
        max={100}
        value={percentage}
        aria-label={label}
        aria-valuenow={percentage}
        aria-valuetext={valueText}
        className="block h-2.5 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:rounded-full [&::-moz-progress-bar]:bg-sky-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-sky-600 [&::-webkit-progress-value]:transition-[width] [&::-webkit-progress-value]:duration-500"
      >
        {valueText}
      </progress>
    </div>
  );
}
