import { expect, type Page } from "@playwright/test";

/**
 * Marks the current document so a later check can tell that the page was
 * not reloaded: a reload or a full navigation starts a new document without
 * the mark, while client-side navigation and live updates keep it.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as Window & { e2eDocumentMark?: boolean }).e2eDocumentMark = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  const marked = await page.evaluate(
    () => (window as Window & { e2eDocumentMark?: boolean }).e2eDocumentMark === true,
  );
  expect(marked, "the page was reloaded or fully navigated").toBe(true);
}
