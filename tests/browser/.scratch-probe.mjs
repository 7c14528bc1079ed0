import { chromium } from 'playwright-core';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.stack));
for (const [name, url] of [['home', '/'], ['query', '/?q=tran+binh+trong'], ['khoa', '/?q=khoa+hoc+cong+nghe'], ['article', '/?id=000_2bc41360e3854d8f&q=tran+binh+trong']]) {
  await page.goto(base + url);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `/tmp/ui-shots/${name}.png`, fullPage: true });
}
await browser.close();
