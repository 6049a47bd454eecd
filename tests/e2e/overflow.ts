// "No page is wider than the screen" (issue 17): the check the phone page walk (accessibility.spec.ts) makes on
// every route template of demo-pages.ts, in the same visit as axe on the pages axe checks.
import type { Page } from "@playwright/test";
import { test } from "./fixtures";

/** A common phone: 390 × 844 CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/**
 * Pages other engineers are fixing on their own branches in the same session (issue 17): reported as a note
 * on the test, not a failure, until the lead merges their branch and deletes the entry.
 */
const KNOWN_OVERFLOWS: { path: RegExp; owner: string }[] = [
  // the printed agreement's milestone table (app/kemitraan/[id]/cetak)
  { path: /^\/kemitraan\/[^/]+\/cetak$/, owner: "export" },
  // the ranking's filter select with the long KBLI section names (app/statistik, components/stats)
  { path: /^\/statistik\/indeks-kemitraan$/, owner: "export" },
  // the match-reason chips (app/rfq/[id]/pencocokan, components/matching)
  { path: /^\/rfq\/[^/]+\/pencocokan$/, owner: "match" },
];

/**
 * What is wrong with the page `page` shows now, if it is wider than the screen: its path and width, and the
 * innermost elements sticking out past the right edge (not those inside a box that scrolls sideways).
 * Empty when it fits (1 px of rounding allowed).
 */
export async function overflowOf(page: Page): Promise<string[]> {
  const { width, screen, culprits } = await page.evaluate(() => {
    const screen = window.innerWidth;
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (width > screen + 1) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        if (el.getBoundingClientRect().right <= screen + 1) continue;
        if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > screen + 1)) continue;
        let scrolls = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") scrolls = true;
        }
        if (scrolls) continue;
        const cls = typeof el.className === "string" ? el.className.split(/\s+/).slice(0, 4).join(".") : "";
        const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
        culprits.push(
          `<${el.tagName.toLowerCase()}${cls ? ` .${cls}` : ""}> ends at ${Math.round(el.getBoundingClientRect().right)}px "${text}"`,
        );
        if (culprits.length === 3) break;
      }
    }
    return { width, screen, culprits };
  });
  if (width <= screen + 1) return [];
  const path = new URL(page.url()).pathname;
  const known = KNOWN_OVERFLOWS.find((k) => k.path.test(path));
  if (known) {
    test.info().annotations.push({ type: "known overflow", description: `${path} is ${width}px wide: fixed on branch ${known.owner}` });
    return [];
  }
  return [`${path}: ${width}px wide on a ${screen}px screen\n    ${culprits.join("\n    ")}`];
}
