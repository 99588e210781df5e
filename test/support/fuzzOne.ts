// Runs one fuzz input through the part of the library that reads it; throws on a broken invariant.
import { exerciseConfig, exerciseHostSource, exerciseLattice } from './exercise';
import type { FuzzInput } from './fuzzInputs';

export function runFuzzInput(input: FuzzInput, options: { lattice?: boolean; service?: boolean; positions?: boolean } = {}): void {
  if (input.kind === 'config') {
    exerciseConfig(input.text, { offsets: options.positions === false ? [] : input.offsets, skipService: options.service === false, files: { 'other.conf': 'port: 4222\n' } });
    if (options.lattice) exerciseLattice({ 'nats.conf': input.text, 'host.env': 'WASMCLOUD_NATS_HOST=127.0.0.1\nWASMCLOUD_JS_DOMAIN=hub\n' });
  } else {
    exerciseHostSource(input.kind, input.text);
    if (options.lattice) exerciseLattice({ 'hub.conf': 'port: 4222\njetstream { domain: hub }\nleafnodes { port: 7422 }\n', [hostName(input.kind)]: input.text });
  }
}

function hostName(kind: FuzzInput['kind']): string {
  return { dotenv: 'host.env', envrc: '.envrc', compose: 'docker-compose.yml', kubernetes: 'deploy.yaml', systemd: 'wasmcloud.service', config: 'x.conf' }[kind];
}
