import { inspect } from 'node:util';

/**
 * A credential that prints as `<secret>` in logs, JSON and util.inspect, so an SNMP community
 * or v3 key cannot leak through a stray console.log or an error report.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '<secret>';
  }

  toJSON(): string {
    return '<secret>';
  }

  [inspect.custom](): string {
    return '<secret>';
  }
}
