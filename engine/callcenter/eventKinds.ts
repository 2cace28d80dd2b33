// The kinds of pending event in the event path's heap: the low 3 bits of its integer, an id above
// (see ID_MASK in queues.ts).
export const ABANDON = 1;
export const REDIAL = 2;
export const LINE = 3;
export const TASK_READY = 4;
export const GROUP_FREE = 6;
