import type { Page } from "@playwright/test";

type RecordingWindow = Window & { e2eProgressValues?: number[] };

/**
 * Records every value any progress bar on the page shows from now on, so a
 * test can check that progress was rendered while it happened, not only the end.
 */
export async function recordProgressValues(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = window as RecordingWindow;
    target.e2eProgressValues = [];
    const collect = () => {
      // A native <progress> has the progressbar role without the attribute.
      for (const bar of document.querySelectorAll('progress, [role="progressbar"]')) {
        const value = Number(bar.getAttribute("aria-valuenow") ?? bar.getAttribute("value"));
        const values = target.e2eProgressValues ?? [];
        if (Number.isFinite(value) && values[values.length - 1] !== value) values.push(value);
      }
    };
    new MutationObserver(collect).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    collect();
  });
}

export async function recordedProgressValues(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as RecordingWindow).e2eProgressValues ?? []);
}
