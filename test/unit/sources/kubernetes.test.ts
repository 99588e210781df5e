import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { embeddedOffsetToFile } from '../../../server/src/sources/hostSettings';
import { readKubernetes } from '../../../server/src/sources/kubernetes';
import { assignmentSpans, summary, unmark } from './marks';

const FILE = '/k8s/lattice.yaml';

function read(input: string) {
  const { text, spans } = unmark(input);
  const result = readKubernetes(FILE, text);
  return { text, spans, result, source: (name: string) => result.sources.find((s) => s.name === name)! };
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: wasmcloud-host
spec:
  template:
    spec:
      containers:
        - name: host
          image: ghcr.io/wasmcloud/wasmcloud:1.9.0
          env:
            - name: «WASMCLOUD_NATS_HOST»
              value: «nats.default.svc»
            - name: «WASMCLOUD_JS_DOMAIN»
              value: «"hub"»
            - name: «WASMCLOUD_HOST_SEED»
              «valueFrom:
                secretKeyRef: {name: host-seed, key: seed}»
            - name: «WASMCLOUD_LATTICE»
              value: «$(WASMCLOUD_JS_DOMAIN)-lattice»
`;

describe('kubernetes reader', () => {
  it('container env with ranges, valueFrom unknown, $(VAR) expansion', () => {
    const { spans, source } = read(DEPLOYMENT);
    const host = source('host');
    assert.deepEqual(summary(host.variables), [
      ['WASMCLOUD_NATS_HOST', 'nats.default.svc'],
      ['WASMCLOUD_JS_DOMAIN', 'hub'],
      ['WASMCLOUD_HOST_SEED', undefined],
      ['WASMCLOUD_LATTICE', 'hub-lattice'],
    ]);
    assert.deepEqual(assignmentSpans(host.variables), spans);
    assert.deepEqual(host.variables[2].reference, { kind: 'secret', name: 'host-seed', key: 'seed', optional: false });
    assert.equal(host.component, 'wasmcloud');
    assert.equal(host.version, '1.9.0');
    assert.equal(host.owner, 'Deployment/wasmcloud-host');
  });

  it('envFrom and configMapKeyRef resolve from ConfigMaps of the same file; Secrets are opaque', () => {
    const { text, result, source } = read(`apiVersion: v1
kind: ConfigMap
metadata: {name: host-env}
data:
  WASMCLOUD_JS_DOMAIN: hub
  WASMCLOUD_LATTICE: prod
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: host
      image: wasmcloud/wasmcloud:1.8.0
      envFrom:
        - configMapRef: {name: host-env}
        - secretRef: {name: creds}
      env:
        - name: LATTICE_COPY
          valueFrom: {configMapKeyRef: {name: host-env, key: WASMCLOUD_LATTICE}}
`);
    assert.deepEqual(result.problems, []);
    const host = source('host');
    assert.deepEqual(summary(host.variables), [['WASMCLOUD_JS_DOMAIN', 'hub'], ['WASMCLOUD_LATTICE', 'prod'], ['LATTICE_COPY', 'prod']]);
    assert.equal(text.slice(host.variables[0].nameSpan.start, host.variables[0].nameSpan.end), 'WASMCLOUD_JS_DOMAIN');
    assert.equal(text.slice(host.variables[2].valueSpan.start, host.variables[2].valueSpan.end), 'prod');
    assert.deepEqual(host.opaqueEnv?.map((o) => [o.kind, o.name]), [['secret', 'creds']]);
  });

  it('a NATS sidecar config embedded in a ConfigMap maps back to the file', () => {
    const { text, source } = read(`apiVersion: v1
kind: ConfigMap
metadata:
  name: nats-config
data:
  nats.conf: |
    jetstream {
      domain: hub
    }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: nats}
spec:
  template:
    spec:
      volumes:
        - name: cfg
          configMap: {name: nats-config}
      containers:
        - name: nats
          image: nats:2.10.22-alpine
          args: ["--config", "/etc/nats-config/nats.conf"]
          volumeMounts:
            - {name: cfg, mountPath: /etc/nats-config}
`);
    const nats = source('nats');
    assert.equal(nats.component, 'nats');
    assert.equal(nats.natsConfigs.length, 1);
    const ref = nats.natsConfigs[0];
    assert.equal(ref.containerPath, '/etc/nats-config/nats.conf');
    const embedded = ref.embedded!;
    assert.equal(embedded.text, 'jetstream {\n  domain: hub\n}\n');
    assert.equal(embedded.exact, true);
    const at = embedded.text.indexOf('hub');
    const fileOffset = embeddedOffsetToFile(embedded, at);
    assert.equal(text.slice(fileOffset, fileOffset + 3), 'hub');
    assert.equal(text.slice(embedded.offset, embedded.offset + 9), 'jetstream');
  });

  it('a ConfigMap with a NATS config that nothing mounts becomes a nats source of its own', () => {
    const { source } = read('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leaf}\ndata:\n  leaf.conf: "leafnodes { remotes: [] }"\n');
    const ref = source('ConfigMap/leaf').natsConfigs[0];
    assert.equal(ref.embedded!.text, 'leafnodes { remotes: [] }');
    assert.equal(ref.embedded!.exact, true);
  });

  it('CronJob, initContainers and host flags in args', () => {
    const { source } = read('apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: init\n              image: busybox\n          containers:\n            - name: host\n              image: ghcr.io/wasmcloud/wasmcloud:1.9.0\n              args: ["--js-domain", "hub", "--nats-host=nats"]\n');
    assert.equal(source('init').component, 'unknown');
    assert.deepEqual(summary(source('host').variables), [['WASMCLOUD_JS_DOMAIN', 'hub'], ['WASMCLOUD_NATS_HOST', 'nats']]);
  });

  it('a pin applies to the containers of its document', () => {
    const { source } = read('# nats-lattice: server=../nats/hub.conf\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: wasmcloud/wasmcloud:1.9.0\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  containers:\n    - name: b\n      image: wasmcloud/wasmcloud:1.9.0\n');
    assert.equal(source('a').pins[0].server!.path, '/nats/hub.conf');
    assert.deepEqual(source('b').pins, []);
  });

  it('Helm templates do not flood problems, and broken YAML never throws', () => {
    assert.deepEqual(readKubernetes(FILE, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n').problems, []);
    const broken = readKubernetes(FILE, 'apiVersion: v1\nkind: Pod\nspec: [\n');
    assert.ok(broken.problems.length > 0);
  });
});
