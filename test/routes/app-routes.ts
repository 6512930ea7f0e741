// Every way into the app, read from the filesystem the way Next.js reads it: pages
// (`page.tsx`), route handlers (`route.ts`, one entry per exported HTTP method) and server
// actions (the exports of `'use server'` files). The route × role suite compares this list
// with its table, so a new route cannot ship without a row saying who may call it.
import fs from 'node:fs';
import path from 'node:path';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** `app/(public)/[section]/page/[page]` → `/[section]/page/[page]`; groups and optional catch-alls vanish. */
export function urlPathOf(appDir: string, routeDir: string): string {
  const segments = path
    .relative(appDir, routeDir)
    .split(path.sep)
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !/^\[\[\.\.\..*\]\]$/.test(segment));
  return `/${segments.join('/')}`;
}

/** The HTTP methods a route handler exports (functions, constants or `export { x as GET }`). */
export function exportedMethods(source: string): string[] {
  return METHODS.filter((method) =>
    new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(source),
  );
}

/** The exported functions of a `'use server'` module. */
export function exportedActions(source: string): string[] {
  return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => match[1]!);
}

/** Every page, handler method and server action under `root/app`, in the route table's notation. */
export function listAppRoutes(root: string): string[] {
  const appDir = path.join(root, 'app');
  const routes: string[] = [];
  for (const file of walk(appDir)) {
    const name = path.basename(file);
    const source = fs.readFileSync(file, 'utf8');
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) routes.push(`page ${urlPathOf(appDir, path.dirname(file))}`);
    else if (/^route\.(ts|js)$/.test(name)) {
      for (const method of exportedMethods(source)) routes.push(`${method} ${urlPathOf(appDir, path.dirname(file))}`);
    } else if (/^\s*['"]use server['"]/.test(source)) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      for (const action of exportedActions(source)) routes.push(`action ${relative}#${action}`);
    }
  }
  return routes.sort();
}
