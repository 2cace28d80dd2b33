export * from './serverCalendar.ts';
export * from './timeHeap.ts';
