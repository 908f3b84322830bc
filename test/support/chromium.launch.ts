import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, for the browser tests (`CHROMIUM_PATH` names another). Without the
 * background-networking flags Chromium keeps calling out to hosts this machine cannot reach.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
