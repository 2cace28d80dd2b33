// Built by web/build.mjs from scenarios/*.yaml: every shipped case, bundled into the page.
declare module 'virtual:cases' {
  export interface ShippedCase {
    id: string;
    text: string;
  }
  export const CASES: ShippedCase[];
}
