// Fields of a scenario document by path ("callTypes.1.wrapUpTime.mean"): reading a path and
// setting a number in place, keeping the file's comments and layout.
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { ScenarioError } from '../../scenario/errors.ts';

export function pathOf(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Sets a number at a path, refusing paths that run through something that is not a mapping or list. */
export function setNumber(doc: Document, field: string, value: number, file: string | undefined): void {
  const path = pathOf(field);
  for (let i = 1; i < path.length; i++) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (parent !== undefined && !isMap(parent) && !isSeq(parent) && !(isScalar(parent) && parent.value === null)) {
      throw new ScenarioError(file, path.slice(0, i) as (string | number)[], `${path.slice(0, i).join('.')} is not a mapping, so ${field} cannot be set`);
    }
  }
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}
