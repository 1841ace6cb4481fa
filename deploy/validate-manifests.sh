#!/usr/bin/env bash
# Offline validation of the deployment files (no cluster needed):
#   1. render every overlay under deploy/k8s/overlays with `kubectl kustomize`;
#   2. validate every rendered object against the Kubernetes 1.34 / CRD JSON schemas in deploy/schemas/k8s-1.34
#      (FILE.json, .json.xz or .json.gz; override the directory with K8S_SCHEMAS_DIR) in STRICT mode: objects that declare `properties` get
#      `additionalProperties: false`, so an unknown or misspelt field fails;
#   3. policy checks (hardened containers, probes, resources, pinned images, NetworkPolicies, PDBs, replicas,
#      secrets, Kafka topics, Keycloak realm);
#   4. deploy/compose/docker-compose.yml parses and each service's environment variable names are exactly the
#      names its Kubernetes workload reads (ConfigMap keys + Secret-backed variables).
# Usage (from anywhere): deploy/validate-manifests.sh        Exit status: 0 all checks passed, 1 otherwise.
# Needs python3 with PyYAML and jsonschema; kubectl (without it the overlays are not rendered: the raw files
# are validated instead and that step is reported as skipped).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
cd "$ROOT"
SCHEMAS_DIR=${K8S_SCHEMAS_DIR:-$SCRIPT_DIR/schemas/k8s-1.34}

if ! python3 -c 'import yaml, jsonschema, lzma' 2>/dev/null; then
  echo "FAIL: python3 with the modules 'yaml' (PyYAML), 'jsonschema' and 'lzma' is required" >&2
  echo "      (Debian/Ubuntu: apt-get install python3-yaml python3-jsonschema)" >&2
  exit 1
fi
if [ ! -d "$SCHEMAS_DIR" ]; then
  echo "FAIL: schema directory not found: $SCHEMAS_DIR (set K8S_SCHEMAS_DIR)" >&2
  exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== Jobboard deployment validation =="
render_status=ok
rendered=()
if command -v kubectl >/dev/null 2>&1; then
  for dir in deploy/k8s/overlays/*/; do
    name=$(basename "$dir")
    start=$(date +%s)
    if kubectl kustomize "$dir" >"$WORK/$name.yaml" 2>"$WORK/$name.err"; then
      echo "[render] overlay $name: ok ($(grep -c '^kind:' "$WORK/$name.yaml") objects, $(($(date +%s) - start))s)"
      rendered+=("$name=$WORK/$name.yaml")
    else
      echo "[render] overlay $name: FAIL"
      sed 's/^/           /' "$WORK/$name.err" | head -20
      render_status=failed
    fi
  done
  [ ${#rendered[@]} -gt 0 ] || [ "$render_status" = failed ] || { echo "[render] FAIL: no overlay under deploy/k8s/overlays"; render_status=failed; }
else
  echo "[render] SKIPPED: kubectl not found - overlays not rendered; validating the raw files of deploy/k8s instead"
  render_status=skipped
fi

python3 - "$SCHEMAS_DIR" "$ROOT" "$render_status" "${rendered[@]+"${rendered[@]}"}" <<'PY'
import copy, glob, gzip, json, lzma, os, re, sys
import yaml
from jsonschema import Draft7Validator

schemas_dir, root, render_status = sys.argv[1], sys.argv[2], sys.argv[3]
overlays = [a.split('=', 1) for a in sys.argv[4:]]

failures = []      # (section, message)
skipped = []       # (section, message)
def fail(section, msg): failures.append((section, msg))

# Custom resources whose CRD schema is not in the schema directory but that we use on purpose. They are reported
# as skipped, never silently; any other object without a schema is a failure.
NO_SCHEMA_EXPECTED = {('k8s.keycloak.org/v2alpha1', 'Keycloak'), ('k8s.keycloak.org/v2alpha1', 'KeycloakRealmImport')}
PROD_OVERLAYS = set((os.environ.get('PROD_OVERLAYS') or 'prod').split(','))
DEV_OVERLAYS = set((os.environ.get('DEV_OVERLAYS') or 'dev').split(','))
AUTOSCALED = {'gateway', 'search-service'}          # HorizontalPodAutoscaler required in production
APP_SERVICES = ['postings-service', 'search-service', 'applications-service', 'gateway']
SECRETISH = re.compile(r'(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY)', re.I)

# ------------------------------------------------------------------ schemas
def strictify(node):
    """additionalProperties: false on every object schema that declares properties (unless it preserves unknown
    fields or already says something about additional properties)."""
    if isinstance(node, dict):
        props = node.get('properties')
        if isinstance(props, dict) and props and 'additionalProperties' not in node \
                and not node.get('x-kubernetes-preserve-unknown-fields'):
            node['additionalProperties'] = False
        if isinstance(props, dict):
            for v in props.values(): strictify(v)
        for key in ('items', 'additionalProperties', 'not'):
            if isinstance(node.get(key), dict): strictify(node[key])
        if isinstance(node.get('items'), list):
            for v in node['items']: strictify(v)
        for key in ('oneOf', 'anyOf', 'allOf'):
            for v in node.get(key) or []: strictify(v)
        for v in (node.get('patternProperties') or {}).values(): strictify(v)
    return node

# the schemas are kept compressed in the repository (xz); plain and gzip files are read too (K8S_SCHEMAS_DIR)
def open_schema(path):
    if path.endswith('.xz'): return lzma.open(path, 'rt', encoding='utf-8')
    if path.endswith('.gz'): return gzip.open(path, 'rt', encoding='utf-8')
    return open(path, encoding='utf-8')

schema_files = {}
for path in sorted(p for ext in ('*.json', '*.json.xz', '*.json.gz') for p in glob.glob(os.path.join(schemas_dir, ext))):
    try:
        with open_schema(path) as f: s = json.load(f)
    except Exception as e:
        fail('schema', 'unreadable schema %s: %s' % (os.path.basename(path), e)); continue
    for gvk in s.get('x-kubernetes-group-version-kind') or []:
        api = gvk['version'] if not gvk.get('group') else '%s/%s' % (gvk['group'], gvk['version'])
        schema_files[(api, gvk['kind'])] = path
validators = {}
def validator_for(api, kind):
    key = (api, kind)
    if key not in validators:
        with open_schema(schema_files[key]) as f: s = strictify(json.load(f))
        s.pop('$schema', None)
        validators[key] = Draft7Validator(s)
    return validators[key]
print('[schema] %d schemas in %s (strict: additionalProperties=false added)' % (len(schema_files), os.path.relpath(schemas_dir, root)))

def ident(o): return '%s/%s' % (o.get('kind'), (o.get('metadata') or {}).get('name'))

def validate_objects(label, objs):
    ok = bad = skip = 0
    for o in objs:
        api, kind = o.get('apiVersion'), o.get('kind')
        if (api, kind) not in schema_files:
            if (api, kind) in NO_SCHEMA_EXPECTED:
                skip += 1
                skipped.append(('schema', '%s: %s (%s) - no schema available, skipped' % (label, ident(o), api)))
            else:
                bad += 1
                fail('schema', '%s: %s (%s) - no schema for this apiVersion/kind' % (label, ident(o), api))
            continue
        errs = sorted(validator_for(api, kind).iter_errors(o), key=lambda e: list(e.absolute_path))
        if errs:
            bad += 1
            for e in errs[:8]:
                path = '/' + '/'.join(str(p) for p in e.absolute_path)
                fail('schema', '%s: %s at %s: %s' % (label, ident(o), path, e.message[:240]))
            if len(errs) > 8: fail('schema', '%s: %s: %d more errors' % (label, ident(o), len(errs) - 8))
        else:
            ok += 1
    print('[schema] %s: %d valid, %d invalid, %d skipped (no schema available)' % (label, ok, bad, skip))

# ------------------------------------------------------------------ helpers
def load_docs(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if isinstance(d, dict)]

def selects(selector, labels):
    if selector is None: return False
    for k, v in (selector.get('matchLabels') or {}).items():
        if labels.get(k) != v: return False
    for e in selector.get('matchExpressions') or []:
        k, op, vals = e['key'], e['operator'], e.get('values') or []
        if op == 'In' and labels.get(k) not in vals: return False
        if op == 'NotIn' and k in labels and labels[k] in vals: return False
        if op == 'Exists' and k not in labels: return False
        if op == 'DoesNotExist' and k in labels: return False
    return True

def empty_selector(sel): return not (sel or {}).get('matchLabels') and not (sel or {}).get('matchExpressions')

WORKLOAD_KINDS = {'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'}
def pod_template(o):
    if o['kind'] == 'CronJob': return ((o.get('spec') or {}).get('jobTemplate') or {}).get('spec', {}).get('template') or {}
    return (o.get('spec') or {}).get('template') or {}

def image_problem(image):
    if not image: return 'no image'
    if '@sha256:' in image: return None
    last = image.rsplit('/', 1)[-1]
    if ':' not in last: return 'image %s has no tag' % image
    if last.rsplit(':', 1)[1] == 'latest': return 'image %s uses the latest tag' % image
    return None

def expected_env(workload, objs):
    """variable names a workload's main container receives: ConfigMap keys (envFrom) + env entries"""
    cms = {o['metadata']['name']: o for o in objs if o.get('kind') == 'ConfigMap'}
    names = set()
    c = pod_template(workload).get('spec', {}).get('containers', [{}])[0]
    for ef in c.get('envFrom') or []:
        ref = (ef.get('configMapRef') or {}).get('name')
        if ref:
            if ref not in cms: fail('compose', 'ConfigMap %s referenced by %s not found' % (ref, ident(workload))); continue
            names |= set((cms[ref].get('data') or {}).keys())
        if ef.get('secretRef'): names.add('<all keys of Secret %s>' % ef['secretRef'].get('name'))
    names |= {e['name'] for e in c.get('env') or []}
    return names, c.get('image')

# ------------------------------------------------------------------ policies
def check_policies(label, objs, rendered=True):
    n0 = len(failures)
    is_prod, is_dev = label in PROD_OVERLAYS, label in DEV_OVERLAYS
    workloads = [o for o in objs if o.get('kind') in WORKLOAD_KINDS]
    netpols = [o for o in objs if o.get('kind') == 'NetworkPolicy']
    pdbs = [o for o in objs if o.get('kind') == 'PodDisruptionBudget']
    hpas = [o for o in objs if o.get('kind') == 'HorizontalPodAutoscaler']
    P = lambda msg: fail('policy', '%s: %s' % (label, msg))

    deny_all = [n for n in netpols if empty_selector(n['spec'].get('podSelector'))
                and {'Ingress', 'Egress'} <= set(n['spec'].get('policyTypes') or [])
                and not n['spec'].get('ingress') and not n['spec'].get('egress')]
    if not deny_all: P('no deny-all NetworkPolicy (podSelector {}, policyTypes Ingress+Egress, no rules)')

    for w in workloads:
        wid = ident(w)
        tmpl = pod_template(w)
        labels = (tmpl.get('metadata') or {}).get('labels') or {}
        pod = tmpl.get('spec') or {}
        psc = pod.get('securityContext') or {}
        for flag in ('hostNetwork', 'hostPID', 'hostIPC'):
            if pod.get(flag): P('%s sets %s' % (wid, flag))
        containers = [(c, True) for c in pod.get('containers') or []] + [(c, False) for c in pod.get('initContainers') or []]
        for c, main in containers:
            cid = '%s container %s' % (wid, c.get('name'))
            sc = c.get('securityContext') or {}
            eff = lambda k: sc.get(k, psc.get(k))
            if eff('runAsNonRoot') is not True: P('%s: runAsNonRoot is not true' % cid)
            if eff('runAsUser') == 0: P('%s: runAsUser is 0' % cid)
            if sc.get('readOnlyRootFilesystem') is not True: P('%s: readOnlyRootFilesystem is not true' % cid)
            if sc.get('allowPrivilegeEscalation') is not False: P('%s: allowPrivilegeEscalation is not false' % cid)
            if sc.get('privileged'): P('%s: privileged' % cid)
            if 'ALL' not in ((sc.get('capabilities') or {}).get('drop') or []): P('%s: capabilities do not drop ALL' % cid)
            if (eff('seccompProfile') or {}).get('type') != 'RuntimeDefault': P('%s: seccompProfile is not RuntimeDefault' % cid)
            res = c.get('resources') or {}
            for kind in ('requests', 'limits'):
                for r in ('cpu', 'memory'):
                    if r not in (res.get(kind) or {}): P('%s: no %s.%s' % (cid, kind, r))
            if main:
                for probe in ('livenessProbe', 'readinessProbe', 'startupProbe'):
                    if not c.get(probe): P('%s: no %s' % (cid, probe))
                if w['kind'] in ('Deployment', 'StatefulSet') and not (c.get('lifecycle') or {}).get('preStop'):
                    P('%s: no preStop pause (graceful shutdown)' % cid)
            if rendered:
                problem = image_problem(c.get('image'))
                if problem: P('%s: %s' % (cid, problem))
            for e in c.get('env') or []:
                if 'value' in e and SECRETISH.search(e['name']):
                    P('%s: secret-looking variable %s has a literal value (use a secretKeyRef)' % (cid, e['name']))
        if w['kind'] in ('Deployment', 'StatefulSet'):
            if not any(t.get('topologyKey') == 'topology.kubernetes.io/zone' for t in pod.get('topologySpreadConstraints') or []):
                P('%s: no topologySpreadConstraint across zones' % wid)
            if not any(not empty_selector(n['spec'].get('podSelector')) and selects(n['spec']['podSelector'], labels) for n in netpols):
                P('%s: no NetworkPolicy selects its pods (besides the namespace-wide ones)' % wid)
            if not any(selects(p['spec'].get('selector'), labels) for p in pdbs):
                P('%s: no PodDisruptionBudget' % wid)
        if is_prod and w['kind'] in ('Deployment', 'StatefulSet'):
            name = w['metadata']['name']
            if (w['spec'].get('replicas') or 1) < 2: P('%s: replicas %s < 2 in production' % (wid, w['spec'].get('replicas', 1)))
            sel_pdbs = [p for p in pdbs if selects(p['spec'].get('selector'), labels)]
            if sel_pdbs and not any(isinstance(p['spec'].get('minAvailable'), int) and p['spec']['minAvailable'] >= 1 for p in sel_pdbs):
                P('%s: PodDisruptionBudget without minAvailable >= 1 in production' % wid)
            mine = [h for h in hpas if (h['spec'].get('scaleTargetRef') or {}).get('name') == name
                    and (h['spec'].get('scaleTargetRef') or {}).get('kind') == w['kind']]
            for h in mine:
                if (h['spec'].get('minReplicas') or 1) < 2: P('%s: HorizontalPodAutoscaler minReplicas < 2' % wid)
            if name in AUTOSCALED and not mine: P('%s: no HorizontalPodAutoscaler in production' % wid)

    # secrets: only DEV ONLY placeholders in the dev overlay, nothing secret in ConfigMaps
    for o in objs:
        if o.get('kind') == 'Secret' and (o.get('data') or o.get('stringData')):
            ann = (o['metadata'].get('annotations') or {})
            if not is_dev:
                P('%s: plaintext Secret outside the dev overlay (reference it, create it out of band)' % ident(o))
            elif ann.get('jobboard.org/dev-only') != 'true':
                P('%s: dev Secret not marked with annotation jobboard.org/dev-only: "true"' % ident(o))
        if o.get('kind') == 'ConfigMap':
            for k in (o.get('data') or {}):
                if SECRETISH.search(k): P('%s: secret-looking key %s in a ConfigMap' % (ident(o), k))

    # Kafka topics: replication 3, min.insync.replicas 2, a dead-letter topic per topic, compacted postings
    topics = {((o.get('spec') or {}).get('topicName') or o['metadata']['name']): o for o in objs if o.get('kind') == 'KafkaTopic'}
    for tname, t in topics.items():
        spec = t.get('spec') or {}
        if (spec.get('replicas') or 0) < 3: P('KafkaTopic %s: replicas < 3' % tname)
        if int((spec.get('config') or {}).get('min.insync.replicas', 0)) < 2: P('KafkaTopic %s: min.insync.replicas < 2' % tname)
        if not tname.endswith('.dlq') and tname + '.dlq' not in topics: P('KafkaTopic %s: no dead-letter topic %s.dlq' % (tname, tname))
    if 'jobboard.postings.v1' in topics and (topics['jobboard.postings.v1']['spec'].get('config') or {}).get('cleanup.policy') != 'compact':
        P('KafkaTopic jobboard.postings.v1 is not compacted')

    # Keycloak realm imports: production flags
    for o in objs:
        if o.get('kind') != 'KeycloakRealmImport': continue
        realm = (o.get('spec') or {}).get('realm') or {}
        if realm.get('users'): P('%s: realm contains users (demo users belong to the dev realm only)' % ident(o))
        if re.search(r'"(credentials|secret)"\s*:', json.dumps(realm)): P('%s: realm contains credentials or client secrets' % ident(o))
        for cl in realm.get('clients') or []:
            if cl.get('directAccessGrantsEnabled') is not False:
                P('%s: client %s does not set directAccessGrantsEnabled: false' % (ident(o), cl.get('clientId')))
    print('[policy] %s: %s' % (label, 'ok' if len(failures) == n0 else '%d problem(s)' % (len(failures) - n0)))

# ------------------------------------------------------------------ source scan: secrets committed outside dev
k8s_dir = os.path.join(root, 'deploy', 'k8s')
for path in glob.glob(os.path.join(k8s_dir, '**', '*.y*ml'), recursive=True):
    rel = os.path.relpath(path, root)
    if any(('%s/overlays/%s/' % ('deploy/k8s', d)) in rel.replace(os.sep, '/') + '/' for d in DEV_OVERLAYS): continue
    text = open(path).read()
    if re.search(r'^kind:\s*Secret\s*$', text, re.M) or re.search(r'^secretGenerator:', text, re.M):
        fail('policy', '%s: defines a Secret outside the dev overlay' % rel)

# ------------------------------------------------------------------ run
rendered_objs = {}
if render_status == 'skipped':
    # no kubectl: validate the raw resources and check what does not need rendering
    raw = []
    for path in sorted(glob.glob(os.path.join(k8s_dir, '**', '*.y*ml'), recursive=True)):
        rel = os.path.relpath(path, k8s_dir).replace(os.sep, '/')
        if os.path.basename(path) == 'kustomization.yaml' or '/patches/' in rel: continue
        raw += [d for d in load_docs(path) if d.get('apiVersion') and d.get('kind')]
    validate_objects('raw files', raw)
    base_kust = yaml.safe_load(open(os.path.join(k8s_dir, 'base', 'kustomization.yaml')))
    for g in base_kust.get('configMapGenerator') or []:
        data = {}
        for envf in g.get('envs') or []:
            for line in open(os.path.join(k8s_dir, 'base', envf)):
                line = line.strip()
                if line and not line.startswith('#') and '=' in line: data[line.split('=', 1)[0]] = line.split('=', 1)[1]
        raw.append({'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': g['name']}, 'data': data})
    check_policies('raw files', raw, rendered=False)
    skipped.append(('render', 'kubectl not found: overlays not rendered (image pins and per-overlay checks skipped)'))
    rendered_objs['raw files'] = raw
else:
    for label, path in overlays:
        objs = load_docs(path)
        rendered_objs[label] = objs
        validate_objects(label, objs)
        check_policies(label, objs)

# ------------------------------------------------------------------ compose
compose_path = os.path.join(root, 'deploy', 'compose', 'docker-compose.yml')
try:
    compose = yaml.safe_load(open(compose_path))
    services = compose.get('services') or {}
    if not isinstance(services, dict) or not services: raise ValueError('no services')
except Exception as e:
    fail('compose', 'deploy/compose/docker-compose.yml does not parse: %s' % e); services = None
if services is not None and not rendered_objs:
    skipped.append(('compose', 'environment names not compared: no rendered manifests'))
if services is not None and rendered_objs:
    ref_label = next((l for l in rendered_objs if l in PROD_OVERLAYS), next(iter(rendered_objs)))
    per_overlay = {}
    for label, objs in rendered_objs.items():
        for w in objs:
            if w.get('kind') in ('Deployment', 'StatefulSet') and w['metadata']['name'] in APP_SERVICES:
                per_overlay.setdefault(w['metadata']['name'], {})[label] = expected_env(w, objs)
    for svc in APP_SERVICES:
        variants = per_overlay.get(svc) or {}
        if not variants: fail('compose', 'no workload %s in the rendered manifests' % svc); continue
        names, image = variants.get(ref_label) or next(iter(variants.values()))
        for label, (other, _) in variants.items():
            if other != names:
                fail('compose', '%s: overlay %s gives other variable names than %s: %s' % (svc, label, ref_label, sorted(other ^ names)))
        s = services.get(svc)
        if not isinstance(s, dict): fail('compose', 'service %s missing in docker-compose.yml' % svc); continue
        env = s.get('environment') or {}
        got = set(env.keys()) if isinstance(env, dict) else {str(e).split('=', 1)[0] for e in env}
        if got != names:
            if names - got: fail('compose', '%s: missing variables %s' % (svc, sorted(names - got)))
            if got - names: fail('compose', '%s: variables not read in Kubernetes (not in its ConfigMap/Secret refs) %s' % (svc, sorted(got - names)))
        if image and '@' not in image and ':' in image.rsplit('/', 1)[-1] and s.get('image') != image:
            fail('compose', '%s: image %s differs from the Kubernetes image %s' % (svc, s.get('image'), image))
    for name, s in services.items():
        problem = image_problem((s or {}).get('image')) if (s or {}).get('image') else None
        if problem: fail('compose', 'service %s: %s' % (name, problem))
    n = sum(1 for sec, _ in failures if sec == 'compose')
    print('[compose] %d services parsed; env names of %s checked against the %s ConfigMaps/Secret refs: %s'
          % (len(services), ', '.join(APP_SERVICES), ref_label, 'ok' if n == 0 else '%d problem(s)' % n))

# ------------------------------------------------------------------ summary
print()
for sec, msg in skipped: print('SKIPPED [%s] %s' % (sec, msg))
for sec, msg in failures: print('FAIL    [%s] %s' % (sec, msg))
if render_status == 'failed': print('FAIL    [render] at least one overlay did not render (see above)')
bad = len(failures) + (1 if render_status == 'failed' else 0)
print('SUMMARY: %s - %d failure(s), %d skipped, overlays: %s'
      % ('PASS' if bad == 0 else 'FAIL', bad, len(skipped), ', '.join(rendered_objs) or 'none'))
sys.exit(1 if bad else 0)
PY
