#!/usr/bin/env node
import { execute, settings } from '@oclif/core';

// The compiled dist/ runs, whatever NODE_ENV says (bin/dev.js is the one that runs src/ with tsx):
// oclif would otherwise look for src/ under NODE_ENV=test or development, and fail to load the help class.
settings.enableAutoTranspile = false;
await execute({ dir: import.meta.url });
