/** The loader hook of ./register.mjs: each ES module's URL, as it is loaded. */
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  appendFileSync(process.env.EXITKIT_LOADED_LOG, `${url}\n`);
  return next(url, context);
}
