#!/usr/bin/env node
// The CLI as one esbuild bundle (dist/bundle): loading one file instead of hundreds of modules
// is most of a fast start. Built by `npm run build` (run by npm install via "prepare").
import { main } from '../dist/bundle/main.js';
main(process.argv);
