#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx chancery` works right after `npm install` with no
// build step. The project's tsconfig is named, not looked up from the working directory: run from
// elsewhere, the pages' JSX would otherwise be compiled for React.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
