import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (a downloaded browser is not available here); `.ci/run` installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Content-Security-Policy violations reported by any page of a browser this module launched. */
const violationsOf = new WeakMap<Browser, string[]>();

/**
 * Every page a journey opens reports each Content-Security-Policy violation (issue 9, §5): the
 * server's policy must let every page work, and a violation is a page that silently lost a script, a
 * style or an image. The listener is an init script, which the policy does not apply to.
 */
export function contentSecurityViolations(browser: Browser): string[] {
  return violationsOf.get(browser) ?? [];
}

function reportViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `[csp-violation] ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} on ${location.pathname} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchChromium();
  const violations: string[] = [];
  violationsOf.set(browser, violations);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(reportViolations);
    context.on('console', (message) => {
      if (message.text().startsWith('[csp-violation]')) violations.push(message.text());
    });
    return context;
  };
  return browser;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the login form, as a person does. */
export async function loginAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the current page (WCAG 2.1 A/AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are measured as painted: a drawer or menu still fading in blends its text with the page
  // behind and fails contrast for a moment (seen under load on a phone-width drawer). Let every CSS
  // transition and animation finish first (not the endless ones: a spinner never finishes).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  // Evaluated through the DevTools protocol, not added as a <script>: the app's CSP allows no inline script.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
