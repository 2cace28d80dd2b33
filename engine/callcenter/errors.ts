// The simulation cannot finish: callers with unlimited patience wait and no agent will ever come.
export class UnboundedQueueError extends Error {}
