// A structural check of a SARIF 2.1.0 log: the required properties, types, enumerations and
// minimums the OASIS schema (sarif-schema-2.1.0.json) sets for the parts we write, plus the limits
// GitHub code scanning adds on upload. Returns one line per violation, each with its JSON path.

type Json = unknown;

const LEVELS = ['none', 'note', 'warning', 'error'];
const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: Json): value is number => typeof value === 'number' && Number.isInteger(value);

export function sarifViolations(log: Json): string[] {
  const problems: string[] = [];
  const fail = (at: string, what: string) => problems.push(`${at}: ${what}`);
  const string = (value: Json, at: string, required = false) => {
    if (value === undefined) {
      if (required) fail(at, 'is required');
    } else if (typeof value !== 'string') fail(at, 'must be a string');
  };
  const uri = (value: Json, at: string, absolute: boolean) => {
    string(value, at);
    if (typeof value !== 'string') return;
    if (/\s/.test(value)) fail(at, 'a URI has no spaces');
    if (absolute && !/^[a-z][a-z0-9+.-]*:/i.test(value)) fail(at, 'must be an absolute URI');
  };
  const message = (value: Json, at: string, required: boolean) => {
    if (value === undefined) return required ? fail(at, 'is required') : undefined;
    if (!isObject(value)) return fail(at, 'must be an object');
    if (value.text === undefined && value.id === undefined) fail(at, 'needs text or id');
    string(value.text, `${at}.text`);
    string(value.markdown, `${at}.markdown`);
  };
  const multiformat = (value: Json, at: string) => {
    if (value === undefined) return;
    if (!isObject(value)) return fail(at, 'must be an object');
    string(value.text, `${at}.text`, true);
    string(value.markdown, `${at}.markdown`);
  };
  const integerAtLeast = (value: Json, at: string, minimum: number) => {
    if (value === undefined) return;
    if (!isInteger(value) || value < minimum) fail(at, `must be an integer >= ${minimum}`);
  };
  const artifactLocation = (value: Json, at: string) => {
    if (!isObject(value)) return fail(at, 'must be an object');
    if (typeof value.uri === 'string') {
      if (value.uriBaseId === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(value.uri)) fail(`${at}.uri`, 'a relative URI needs a uriBaseId');
      if (value.uri.includes('\\')) fail(`${at}.uri`, 'must use / separators');
    }
    uri(value.uri, `${at}.uri`, false);
    string(value.uriBaseId, `${at}.uriBaseId`);
  };
  const region = (value: Json, at: string) => {
    if (value === undefined) return;
    if (!isObject(value)) return fail(at, 'must be an object');
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) integerAtLeast(value[key], `${at}.${key}`, 1);
    if (isInteger(value.startLine) && isInteger(value.endLine)) {
      if (value.endLine < value.startLine) fail(at, 'endLine is before startLine');
      if (value.endLine === value.startLine && isInteger(value.startColumn) && isInteger(value.endColumn) && value.endColumn < value.startColumn) {
        fail(at, 'endColumn is before startColumn');
      }
    }
  };
  const location = (value: Json, at: string) => {
    if (!isObject(value)) return fail(at, 'must be an object');
    integerAtLeast(value.id, `${at}.id`, -1);
    message(value.message, `${at}.message`, false);
    const physical = value.physicalLocation;
    if (physical === undefined) return;
    if (!isObject(physical)) return fail(`${at}.physicalLocation`, 'must be an object');
    if (physical.artifactLocation === undefined && physical.address === undefined) fail(`${at}.physicalLocation`, 'needs artifactLocation or address');
    if (physical.artifactLocation !== undefined) artifactLocation(physical.artifactLocation, `${at}.physicalLocation.artifactLocation`);
    region(physical.region, `${at}.physicalLocation.region`);
  };
  const list = (value: Json, at: string, each: (item: Json, at: string) => void, maximum = Infinity) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return fail(at, 'must be an array');
    if (value.length > maximum) fail(at, `GitHub accepts at most ${maximum}`);
    value.forEach((item, index) => each(item, `${at}[${index}]`));
  };

  if (!isObject(log)) return ['$: a SARIF log is a JSON object'];
  if (log.version !== '2.1.0') fail('$.version', 'must be "2.1.0"');
  uri(log.$schema, '$.$schema', true);
  if (!Array.isArray(log.runs)) fail('$.runs', 'must be an array');
  list(log.runs, '$.runs', (run, at) => {
    if (!isObject(run)) return fail(at, 'must be an object');
    if (!isObject(run.tool)) return fail(`${at}.tool`, 'is required');
    const driver = run.tool.driver;
    if (!isObject(driver)) return fail(`${at}.tool.driver`, 'is required');
    string(driver.name, `${at}.tool.driver.name`, true);
    string(driver.version, `${at}.tool.driver.version`);
    string(driver.semanticVersion, `${at}.tool.driver.semanticVersion`);
    uri(driver.informationUri, `${at}.tool.driver.informationUri`, true);
    const ids = new Set<string>();
    list(driver.rules, `${at}.tool.driver.rules`, (rule, ruleAt) => {
      if (!isObject(rule)) return fail(ruleAt, 'must be an object');
      string(rule.id, `${ruleAt}.id`, true);
      if (typeof rule.id === 'string') {
        if (ids.has(rule.id)) fail(`${ruleAt}.id`, `duplicate rule id ${rule.id}`);
        ids.add(rule.id);
      }
      string(rule.name, `${ruleAt}.name`);
      multiformat(rule.shortDescription, `${ruleAt}.shortDescription`);
      multiformat(rule.fullDescription, `${ruleAt}.fullDescription`);
      multiformat(rule.help, `${ruleAt}.help`);
      if (rule.helpUri !== undefined) uri(rule.helpUri, `${ruleAt}.helpUri`, true);
      const config = rule.defaultConfiguration;
      if (config !== undefined) {
        if (!isObject(config)) fail(`${ruleAt}.defaultConfiguration`, 'must be an object');
        else if (config.level !== undefined && !LEVELS.includes(config.level as string)) fail(`${ruleAt}.defaultConfiguration.level`, `must be one of ${LEVELS.join(', ')}`);
      }
      if (rule.properties !== undefined) {
        if (!isObject(rule.properties)) fail(`${ruleAt}.properties`, 'must be an object');
        else list(rule.properties.tags, `${ruleAt}.properties.tags`, (tag, tagAt) => string(tag, tagAt, true));
      }
    }, 25_000);
    if (run.columnKind !== undefined && run.columnKind !== 'utf16CodeUnits' && run.columnKind !== 'unicodeCodePoints') fail(`${at}.columnKind`, 'must be utf16CodeUnits or unicodeCodePoints');
    if (run.originalUriBaseIds !== undefined) {
      if (!isObject(run.originalUriBaseIds)) fail(`${at}.originalUriBaseIds`, 'must be an object');
      else for (const [id, base] of Object.entries(run.originalUriBaseIds)) {
        if (!isObject(base)) fail(`${at}.originalUriBaseIds.${id}`, 'must be an artifactLocation object');
        else {
          uri(base.uri, `${at}.originalUriBaseIds.${id}.uri`, true);
          if (typeof base.uri === 'string' && !base.uri.endsWith('/')) fail(`${at}.originalUriBaseIds.${id}.uri`, 'a base URI ends with /');
        }
      }
    }
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    list(run.results, `${at}.results`, (result, resultAt) => {
      if (!isObject(result)) return fail(resultAt, 'must be an object');
      message(result.message, `${resultAt}.message`, true);
      string(result.ruleId, `${resultAt}.ruleId`);
      integerAtLeast(result.ruleIndex, `${resultAt}.ruleIndex`, -1);
      if (isInteger(result.ruleIndex) && result.ruleIndex >= 0) {
        const rule = rules[result.ruleIndex];
        if (!isObject(rule) || rule.id !== result.ruleId) fail(`${resultAt}.ruleIndex`, `does not point at the rule ${String(result.ruleId)}`);
      }
      if (result.level !== undefined && !LEVELS.includes(result.level as string)) fail(`${resultAt}.level`, `must be one of ${LEVELS.join(', ')}`);
      list(result.locations, `${resultAt}.locations`, location, 10);
      list(result.relatedLocations, `${resultAt}.relatedLocations`, location, 1000);
    }, 25_000);
  });
  return problems;
}
