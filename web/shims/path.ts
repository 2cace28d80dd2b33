// The page's stand-in for node:path (POSIX rules; the page's virtual files live under "/").
export const sep = '/';
function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}
export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}
export function resolve(...paths: string[]): string {
  let acc: string[] = [];
  for (const p of paths) acc = isAbsolute(p) ? p.split('/') : [...acc, ...p.split('/')];
  return normalise(acc);
}
export function join(...paths: string[]): string {
  return normalise(paths.join('/').split('/'));
}
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
export default { sep, isAbsolute, resolve, join, dirname, basename, relative };
