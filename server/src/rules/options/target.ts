// The nats-server release the rules check against, and what it knows. The rules ask whether the
// target knows a release for every key of a file (hundreds of thousands in a large one) while the
// releases asked about are few, so each answer is worked out once per check.

import { compareVersions } from '../../facts/versions';

export class TargetVersion {
  private readonly known = new Map<string, boolean>();

  constructor(readonly version: string) {}

  /** True when a server of the target version knows something added in `since`. */
  knows(since: string): boolean {
    let known = this.known.get(since);
    if (known === undefined) {
      known = compareVersions(since, this.version) <= 0;
      this.known.set(since, known);
    }
    return known;
  }
}
