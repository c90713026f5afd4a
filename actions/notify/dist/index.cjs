const __gantryImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
const __gantryImportBuiltin = (id) => Promise.resolve().then(() => { const m = require(id); return { ...m, default: m }; });
"use strict";

// src/runtime/github/index.ts
var import_promises = require("node:fs/promises"), import_node_os2 = require("node:os");

// src/runtime/exit.ts
function exitWhenFlushed() {
  let pending = 2, flushed = () => {
    --pending === 0 && process.exit();
  };
  process.stdout.write("", flushed), process.stderr.write("", flushed);
}

// src/model/errors.ts
var GantryError = class extends Error {
  remedy;
  constructor(message, options = {}) {
    super(message, { cause: options.cause }), this.name = "GantryError", this.remedy = options.remedy;
  }
}, InputError = class extends GantryError {
  input;
  constructor(input2, problem) {
    super(`input '${input2}': ${problem}`), this.name = "InputError", this.input = input2;
  }
};
function describeFailure(error2) {
  return error2 instanceof GantryError ? error2.remedy ? `${error2.message}
Remedy: ${error2.remedy}` : error2.message : error2 instanceof Error ? error2.message : String(error2);
}

// src/model/network.ts
var DEFAULT_NETWORK_LIMITS = { requestTimeoutMs: 3e4, transferTimeoutMs: 12e4, pollTimeoutMs: 1e4, maxRetryAfterMs: 3e4 }, current = DEFAULT_NETWORK_LIMITS;
function networkLimits() {
  return current;
}
function configureNetwork(env) {
  let raw = env.GANTRY_REQUEST_TIMEOUT_SECONDS;
  if (raw === void 0 || raw === "")
    return current = DEFAULT_NETWORK_LIMITS, current;
  let seconds2 = Number(raw);
  if (!Number.isFinite(seconds2) || seconds2 <= 0 || seconds2 > 3600)
    throw new Error(`GANTRY_REQUEST_TIMEOUT_SECONDS must be a number of seconds between 0 and 3600, got '${raw}'`);
  let ms = Math.round(seconds2 * 1e3);
  return current = { requestTimeoutMs: ms, transferTimeoutMs: ms, pollTimeoutMs: Math.min(ms, DEFAULT_NETWORK_LIMITS.pollTimeoutMs), maxRetryAfterMs: DEFAULT_NETWORK_LIMITS.maxRetryAfterMs }, current;
}

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  let numericValues = Object.values(entries).filter((v) => typeof v == "number");
  return Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
}
function joinValues(array, separator = "|") {
  return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  return typeof value == "bigint" ? value.toString() : value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter, this._value = void 0;
  }
  get value() {
    let getter = this._getter;
    return getter !== void 0 && (this._value = getter(), this._getter = void 0), this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input2) {
  return input2 == null;
}
function cleanRegex(source) {
  let start = source.startsWith("^") ? 1 : 0, end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: !0,
    enumerable: !0,
    configurable: !0
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data == "object" && data !== null && !Array.isArray(data);
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  let cl = new inst._zod.constr(def ?? inst._zod.def);
  return (!def || params?.parent) && (cl._zod.parent = inst), cl;
}
function normalizeParams(_params) {
  let params = _params;
  if (!params)
    return {};
  if (typeof params == "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  return delete params.message, typeof params.error == "string" ? { ...params, error: () => params.error } : params;
}
function stringifyPrimitive(value) {
  return typeof value == "bigint" ? value.toString() + "n" : typeof value == "string" ? `"${value}"` : `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional");
}
function aborted(x, startIndex = 0) {
  if (x.aborted === !0)
    return !0;
  for (let i = startIndex; i < x.issues.length; i++)
    if (x.issues[i]?.continue !== !0)
      return !0;
  return !1;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === !0)
    return !0;
  for (let i = startIndex; i < x.issues.length; i++)
    if (x.issues[i]?.continue === !1)
      return !0;
  return !1;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    return (_a2 = iss).path ?? (_a2.path = []), iss.path.unshift(path), iss;
  });
}
function unwrapMessage(message) {
  return typeof message == "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++)
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  let traits = iss.inst?._zod?.traits;
  traits?.has("$ZodType") && (traits.has("$ZodCheck") ? (_a2 = iss).schema ?? (_a2.schema = iss.inst) : iss.schema = iss.inst);
  let schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0, message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input", full = {};
  for (let k of Object.keys(iss))
    k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__" || (full[k] = iss[k]);
  return full.path ?? (full.path = []), full.message = message, ctx?.reportInput && (full.input = iss.input), full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  let units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++)
    (str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320 && (count--, i++);
  return count;
}
function getLengthableOrigin(input2) {
  return Array.isArray(input2) ? "array" : typeof input2 == "string" ? "string" : "unknown";
}
function parsedType(data) {
  let t = typeof data;
  switch (t) {
    case "number":
      return Number.isNaN(data) ? "nan" : "number";
    case "object": {
      if (data === null)
        return "null";
      if (Array.isArray(data))
        return "array";
      let obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor)
        return obj.constructor.name;
    }
  }
  return t;
}
function issue(...args) {
  let [iss, input2, inst] = args;
  return typeof iss == "string" ? {
    message: iss,
    code: "custom",
    input: input2,
    inst
  } : { ...iss };
}
function members(proto, table) {
  for (let key in table) {
    let desc = Object.getOwnPropertyDescriptor(table, key);
    desc.get ? Object.defineProperty(proto, key, { ...desc, enumerable: !1 }) : defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = !0) {
  return Object.defineProperty(inst, key, { configurable: !0, writable: !0, enumerable, value }), value;
}
function hide(inst, key, value) {
  return own(inst, key, value, !1);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  let proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing, broke = !1, breaker = {
  configurable: !0,
  get() {
    broke = !0;
  }
};
function defineLazyInternal(inst, key, compute) {
  let proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod, Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      Object.defineProperty(this, key, breaker);
      let outer = broke;
      broke = !1;
      try {
        let value = compute(this);
        return broke ? delete this[key] : Object.defineProperty(this, key, { configurable: !0, writable: !0, value }), broke = broke || outer, value;
      } catch (err) {
        throw delete this[key], broke = broke || outer, err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: !0, writable: !0, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  let proto = claim(inst, key);
  proto && Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      let desc = { configurable: !0, writable: !0, enumerable, value: void 0 };
      return Object.defineProperty(this, key, desc), desc.value = make(this), Object.defineProperty(this, key, desc), desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: !0, writable: !0, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a, NEVER = /* @__PURE__ */ Object.freeze({
  status: "aborted"
}), _zodDesc = { value: void 0, enumerable: !1 }, _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  let E = _E;
  if (E) {
    let saved = E.stackTraceLimit;
    if (typeof saved == "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        return _E = null, new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  let zodProto = {};
  function Internals(def) {
    this.def = def, this.constr = _, this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  let protoMembers = proto, initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (inst._zod) {
      if (inst._zod.traits.has(name))
        return;
    } else {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    }
    if (inst._zod.traits.add(name), initializer2(inst, def), initialized) {
      let own2 = Object.getPrototypeOf(inst), ctorProto = inst._zod.constr.prototype, up = own2;
      for (; up && up !== ctorProto; )
        up = Object.getPrototypeOf(up);
      let target = up ?? own2;
      initialized.has(target) || (initialized.add(target), members(target, protoMembers));
    }
    let proto2 = _.prototype;
    for (let k in proto2)
      Object.prototype.hasOwnProperty.call(proto2, k) && (k in inst || (inst[k] = proto2[k].bind(inst)));
  }
  let Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    let inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    let deferred = inst._zod.deferred;
    if (deferred) {
      for (let fn of deferred)
        fn();
      inst._zod.deferred = void 0;
    }
    let pp = globalThis.__zod_globalConfig?.postProcessor;
    return pp && pp(inst), inst;
  }
  return Object.defineProperty(_, "init", { value: init }), Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => params?.Parent && inst instanceof params.Parent ? !0 : inst?._zod?.traits?.has(name)
  }), Object.defineProperty(_, "name", { value: name }), _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super("Encountered Promise during synchronous parse. Use .parseAsync() instead.");
  }
}, $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`), this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  return newConfig && Object.assign(globalConfig, newConfig), globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  let internals = this._zod;
  return internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2)), internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: !0,
  configurable: !0
}, _issuesDesc = { value: void 0, enumerable: !1 }, _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]), initializer = (inst, def) => {
  inst.name = "$ZodError", _issuesDesc.value = def, Object.defineProperty(inst, "issues", _issuesDesc), _issuesDesc.value = void 0, Object.defineProperty(inst, "message", _messageDesc);
  let proto = Object.getPrototypeOf(inst);
  _installedToString.has(proto) || (_installedToString.add(proto), Object.defineProperty(proto, "toString", {
    configurable: !0,
    enumerable: !1,
    get() {
      let value = () => this.message;
      return Object.defineProperty(this, "toString", { value, configurable: !0, writable: !0 }), value;
    },
    set(value) {
      Object.defineProperty(this, "toString", { value, configurable: !0, writable: !0 });
    }
  }));
}, $ZodError = $constructor("$ZodError", initializer), $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  let fn = (schema, value, _ctx, _params) => {
    let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      throw new $ZodAsyncError();
    if (result.issues.length) {
      let e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      throw captureStackTrace(e, _params?.callee ?? fn), e;
    }
    return result.value;
  };
  return fn;
}, parse = /* @__PURE__ */ _parse($ZodRealError), _parseAsync = (_Err) => {
  let fn = async (schema, value, _ctx, params) => {
    let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise && (result = await result), result.issues.length) {
      let e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      throw captureStackTrace(e, params?.callee ?? fn), e;
    }
    return result.value;
  };
  return fn;
}, parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError), _safeParse = (_Err) => (schema, value, _ctx) => {
  let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    throw new $ZodAsyncError();
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: !0, data: result.value };
}, safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: !1,
    get error() {
      return error2 || (error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config()))), issues = void 0, ctx = void 0), error2;
    },
    set error(e) {
      error2 = e, issues = void 0, ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result = schema._zod.run({ value, issues: [] }, ctx);
  return result instanceof Promise && (result = await result), result.issues.length ? failure(_Err, result.issues, ctx) : { success: !0, data: result.value };
}, safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var httpProtocol = /^https?$/;
var anyString = /^[\s\S]{0,}$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {}), inst._zod.def = def, (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  let val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def), (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength), inst._zod.check = (payload) => {
    let input2 = payload.value, units = input2.length;
    if ((typeof input2 == "string" && units > def.maximum ? codePointLength(input2) : units) <= def.maximum)
      return;
    let origin = getLengthableOrigin(input2);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: !0,
      input: input2,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a2, _b;
  $ZodCheck.init(inst, def), def.pattern ? (_a2 = inst._zod).check ?? (_a2.check = (payload) => {
    def.pattern.lastIndex = 0, !def.pattern.test(payload.value) && payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: def.format,
      input: payload.value,
      ...def.pattern ? { pattern: def.pattern.toString() } : {},
      inst,
      continue: !def.abort
    });
  }) : (_b = inst._zod).check ?? (_b.check = () => {
  });
}), $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def), inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0, !def.pattern.test(payload.value) && payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {}), inst._zod.def = def, inst._zod.bag = inst._zod.bag || {}, inst._zod.version = version;
  let defChecks = inst._zod.def.checks, checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (let ch of checks)
    for (let fn of ch._zod.onattach)
      fn(inst);
  if (checks.length === 0)
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []), inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  else {
    let runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload), asyncResult;
      for (let ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload) || !ch._zod.def.when(payload))
            continue;
        } else if (isAborted)
          continue;
        let currLen = payload.issues.length, _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === !1)
          throw new $ZodAsyncError();
        if (asyncResult || _ instanceof Promise)
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _, payload.issues.length !== currLen && (attachSchema(payload.issues, currLen, inst), isAborted || (isAborted = aborted(payload, currLen)));
          });
        else {
          if (payload.issues.length === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst), isAborted || (isAborted = aborted(payload, currLen));
        }
      }
      return asyncResult ? asyncResult.then(() => payload) : payload;
    }, handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary))
        return canary.aborted = !0, canary;
      let checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === !1)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks)
        return inst._zod.parse(payload, ctx);
      if (ctx.direction === "backward") {
        let canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: !0 });
        return canary instanceof Promise ? canary.then((canary2) => handleCanaryResult(canary2, payload, ctx)) : handleCanaryResult(canary, payload, ctx);
      }
      let result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === !1)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
}), toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  let ctx = { async: !0 };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      let ctx = { async: !1 };
      try {
        let r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def), inst._zod.pattern = def.pattern ?? anyString, inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch {
      }
    return typeof payload.value == "string" || payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    }), payload;
  };
}), $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def), $ZodString.init(inst, def);
});
var URL_BAD_FORMAT = 1, URL_UNPARSEABLE = 2;
function canParseURL(input2) {
  try {
    return typeof URL < "u" && typeof URL.canParse == "function" ? URL.canParse(input2) : (new URL(input2), !0);
  } catch {
    return !1;
  }
}
function validateURL(trimmed, def) {
  return !("normalize" in def) && !("hostname" in def) && !("protocol" in def) ? canParseURL(trimmed) || URL_UNPARSEABLE : parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed))
    return URL_BAD_FORMAT;
  try {
    if (typeof URL < "u") {
      let URLStatic = URL;
      if (typeof URLStatic.parse == "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
var asciiTabOrNewline = /[\t\n\r]/g;
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url2, hostname) {
  return hostname.lastIndex = 0, hostname.test(url2.hostname);
}
function urlProtocolOk(url2, protocol) {
  return protocol.lastIndex = 0, protocol.test(url2.protocol.endsWith(":") ? url2.protocol.slice(0, -1) : url2.protocol);
}
var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
  $ZodStringFormat.init(inst, def), inst._zod.check = (payload) => {
    try {
      let trimmed = payload.value.trim(), url2 = validateURL(trimmed, def);
      if (url2 === URL_BAD_FORMAT) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid URL format",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === URL_UNPARSEABLE) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === !0) {
        payload.value = stripTabAndNewline(trimmed);
        return;
      }
      def.hostname && !urlHostnameOk(url2, def.hostname) && payload.issues.push({
        code: "invalid_format",
        format: "url",
        note: "Invalid hostname",
        pattern: def.hostname.source,
        input: payload.value,
        inst,
        continue: !def.abort
      }), def.protocol && !urlProtocolOk(url2, def.protocol) && payload.issues.push({
        code: "invalid_format",
        format: "url",
        note: "Invalid protocol",
        pattern: def.protocol.source,
        input: payload.value,
        inst,
        continue: !def.abort
      }), payload.value = def.normalize ? url2.href : stripTabAndNewline(trimmed);
      return;
    } catch {
      payload.issues.push({
        code: "invalid_format",
        format: "url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
function handlePropertyResult(result, final, key, input2, optin, optout) {
  let isPresent = key in input2, isOptionalOut = optout === "optional";
  if (!(!isPresent && isOptionalOut && optin === "optional")) {
    if (result.issues.length) {
      if (optin !== void 0 && isOptionalOut && !isPresent)
        return;
      final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === void 0) {
      result.issues.length || final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
      return;
    }
    result.value === void 0 ? (isPresent || optin === "defaulted" && !isOptionalOut) && (final.value[key] = void 0) : final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  let keys = Object.keys(def.shape), ownSymbols = Object.getOwnPropertySymbols(def.shape), symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS, allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (let k of allKeys)
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType"))
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
  let okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input2, payload, ctx, def, inst, abortEarly) {
  let unrecognized = [], keySet = def.keySet, _catchall = def.catchall._zod, t = _catchall.def.type, optin = _catchall.optin, optout = _catchall.optout, seen = 0;
  for (let key in input2) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      t === "never" && unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    let r = _catchall.run({ value: input2[key], issues: [] }, ctx);
    r instanceof Promise ? proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input2, optin, optout))) : handlePropertyResult(r, payload, key, input2, optin, optout);
  }
  return unrecognized.length && payload.issues.push({
    code: "unrecognized_keys",
    keys: unrecognized,
    input: input2,
    inst,
    // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
    continue: !0
  }), proms.length ? Promise.all(proms).then(() => payload) : payload;
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  let desc = Object.getOwnPropertyDescriptor(def, "shape"), sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    let get = () => {
      let newSh = { ...sh };
      return Object.defineProperty(def, "shape", { value: newSh }), get.raw = newSh, newSh;
    };
    get.raw = sh, Object.defineProperty(def, "shape", { get });
  }
  let _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    let shape = zod.def.shape, propValues = {};
    for (let key in shape) {
      let field = shape[key]._zod;
      if (field.values) {
        Object.prototype.hasOwnProperty.call(propValues, key) || assignProp(propValues, key, /* @__PURE__ */ new Set());
        for (let v of field.values)
          propValues[key].add(v);
        field.optin !== void 0 && propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  let isObject2 = isObject, catchall = def.catchall, value, memo = globalConfig.memoizer;
  memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    let input2 = payload.value;
    if (!isObject2(input2))
      return payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input: input2,
        inst
      }), payload;
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    let proms = [], shape = value.shape, abortEarly = ctx?.abortEarly, seen = payload.issues.length;
    for (let key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      let el = shape[key], optin = el._zod.optin, optout = el._zod.optout, r = el._zod.run({ value: input2[key], issues: [] }, ctx);
      r instanceof Promise ? proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input2, optin, optout))) : handlePropertyResult(r, payload, key, input2, optin, optout);
    }
    return catchall ? handleCatchall(proms, input2, payload, ctx, _normalized.value, inst, abortEarly === !0) : proms.length ? Promise.all(proms).then(() => payload) : payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  let values = getEnumValues(def.entries), valuesSet = new Set(values);
  inst._zod.values = valuesSet, defineLazyInternal(inst, "pattern", (zod) => {
    let patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  }), inst._zod.parse = (payload, _ctx) => {
    let input2 = payload.value;
    return valuesSet.has(input2) || payload.issues.push({
      code: "invalid_value",
      values,
      input: input2,
      inst
    }), payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def), inst._zod.optin = "optional", globalConfig.memoizer?.guard(inst), inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward")
      throw new $ZodEncodeError(inst.constructor.name);
    let _out = def.transform(payload.value, payload);
    if (ctx.async)
      return (_out instanceof Promise ? _out : Promise.resolve(_out)).then((output2) => (payload.value = output2, payload));
    if (_out instanceof Promise)
      throw new $ZodAsyncError();
    return payload.value = _out, payload;
  };
});
function handleOptionalResult(payload, result) {
  return payload.value = result.issues.length ? void 0 : result.value, payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def), defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional"), inst._zod.optout = "optional", defineLazyInternal(inst, "values", (zod) => {
    let values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  }), defineLazyInternal(inst, "pattern", (zod) => {
    let pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  }), inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      let result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      return result instanceof Promise ? result.then((result2) => handleOptionalResult(payload, result2)) : handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def), defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values), defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin), defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout), defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues), inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      let right = def.out._zod.run(payload, ctx);
      return right instanceof Promise ? right.then((right2) => handlePipeResult(right2, def.in, ctx)) : handlePipeResult(right, def.in, ctx);
    }
    let left = def.in._zod.run(payload, ctx);
    return left instanceof Promise ? left.then((left2) => handlePipeResult(left2, def.out, ctx)) : handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  return left.issues.some((iss) => iss.code !== "unrecognized_keys") ? (left.aborted = !0, left) : next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def), $ZodType.init(inst, def), inst._zod.parse = (payload, _) => payload, inst._zod.check = (payload) => {
    let input2 = payload.value, r = def.fn(input2);
    if (r instanceof Promise)
      return r.then((r2) => handleRefineResult(r2, payload, input2, inst));
    handleRefineResult(r, payload, input2, inst);
  };
});
function handleRefineResult(result, payload, input2, inst) {
  if (!result) {
    let _iss = {
      code: "custom",
      input: input2,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    inst._zod.def.params && (_iss.params = inst._zod.def.params), payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/locales/en.js
var error = () => {
  let Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  let FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  }, TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input2) {
    return type === "number" && typeof input2 == "number" && !Number.isFinite(input2) ? String(input2) : TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        let expected = getTypeName(issue2.expected), receivedType = parsedType(issue2.input), received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        return issue2.values.length === 1 ? `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}` : `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        let adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<", sizing = getSizing(issue2.origin);
        return sizing ? `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}` : `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        let adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">", sizing = getSizing(issue2.origin);
        return sizing ? `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}` : `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        let _issue = issue2;
        return _issue.format === "starts_with" ? `Invalid string: must start with "${_issue.prefix}"` : _issue.format === "ends_with" ? `Invalid string: must end with "${_issue.suffix}"` : _issue.format === "includes" ? `Invalid string: must include "${_issue.includes}"` : _issue.format === "regex" ? `Invalid string: must match pattern ${_issue.pattern}` : `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        return issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0 ? `Invalid discriminator value. Expected ${issue2.options.map((o) => `'${o}'`).join(" | ")}` : issue2.inclusive === !1 ? "Invalid input: more than one option matched" : "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return "Invalid input";
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  return def.checks && (def.checks = [...def.checks]), def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
  return new Class({
    type: "string",
    format: "url",
    check: "string_format",
    abort: !1,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  return new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  return new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  let ch = /* @__PURE__ */ _check((payload) => (payload.addIssue = (issue2) => {
    if (typeof issue2 == "string")
      payload.issues.push(issue(issue2, payload.value, ch._zod.def));
    else {
      let _issue = issue2;
      _issue.fatal && (_issue.continue = !1), _issue.code ?? (_issue.code = "custom"), "input" in _issue || (_issue.input = payload.value), _issue.inst ?? (_issue.inst = ch), _issue.continue ?? (_issue.continue = !ch._zod.def.abort), payload.issues.push(issue(_issue));
    }
  }, fn(payload.value, payload)), params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  let ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  return ch._zod.check = fn, ch;
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def), inst.def = def, inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    let def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch == "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: !0 });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    return reg.add(this, meta2), this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
}), ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniStringFormat = /* @__PURE__ */ $constructor("ZodMiniStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def), ZodMiniString.init(inst, def);
});
var ZodMiniURL = /* @__PURE__ */ $constructor("ZodMiniURL", (inst, def) => {
  $ZodURL.init(inst, def), ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function url(params) {
  return _url(ZodMiniURL, params);
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def), ZodMiniType.init(inst, def), installLazyProp(inst, "shape", (self) => self._zod.def.shape, !1);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  let def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def), ZodMiniType.init(inst, def), inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  let entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
// @__NO_SIDE_EFFECTS__
function superRefine(fn, params) {
  return _superRefine(fn, params);
}

// src/model/zod.ts
config({ ...en_default(), jitless: !0 });

// src/model/stage.ts
function input(schema, spec) {
  return { ...spec, schema, required: spec.default === void 0 && !schema.safeParse(void 0).success };
}
function defineStage(stage) {
  let shape = Object.fromEntries(Object.entries(stage.inputs).map(([name, definition]) => [name, definition.schema])), schema = object(shape).check(
    superRefine((value, ctx) => {
      let found = stage.check?.(value);
      found && ctx.addIssue({ code: "custom", path: [found.input], message: found.problem, params: { spansInputs: !0 } });
    })
  );
  for (let [name, definition] of Object.entries(stage.inputs))
    if (definition.default !== void 0 && !definition.schema.safeParse(definition.default).success)
      throw new Error(`stage '${stage.name}': the default of input '${name}' (${JSON.stringify(definition.default)}) fails its own schema`);
  return { ...stage, schema };
}
function parseInputs(stage, raw) {
  let unknown = Object.keys(raw).filter((name2) => raw[name2] !== void 0 && !(name2 in stage.inputs));
  if (unknown.length > 0)
    throw new InputError(unknown[0], `not an input of stage '${stage.name}' (inputs: ${Object.keys(stage.inputs).join(", ")})`);
  let withDefaults = {};
  for (let [name2, spec] of Object.entries(stage.inputs)) {
    let value = raw[name2]?.trim();
    withDefaults[name2] = value === void 0 || value === "" ? spec.default : value;
  }
  let result = stage.schema.safeParse(withDefaults);
  if (result.success) return result.data;
  let issue2 = result.error.issues[0], name = String(issue2.path[0] ?? stage.name), spansInputs = issue2.code === "custom" && issue2.params?.spansInputs === !0, problem = withDefaults[name] === void 0 && !spansInputs ? "is required" : issue2.message;
  throw new InputError(name, problem);
}

// src/runtime/run-stage.ts
async function runStage(stage, raw, runtime) {
  try {
    configureNetwork(runtime.env);
    let input2 = parseInputs(stage, raw), outputs = await stage.run(input2, runtime);
    for (let [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    return { ok: !0, outputs };
  } catch (error2) {
    let message = describeFailure(error2);
    return runtime.error(`${stage.name} failed: ${message}`), { ok: !1, message };
  }
}

// src/runtime/github/commands.ts
var import_node_crypto = require("node:crypto"), import_node_fs = require("node:fs"), import_node_os = require("node:os");
function issueCommand(command, properties, message) {
  let props = Object.entries(properties).filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${import_node_os.EOL}`);
}
function appendKeyValue(env, file, name, value) {
  let path = env[`GITHUB_${file}`];
  if (!path) return !1;
  if (!(0, import_node_fs.existsSync)(path)) throw new Error(`Missing file at path: ${path}`);
  let delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: ${name} contains the delimiter "${delimiter}"`);
  return (0, import_node_fs.appendFileSync)(path, `${name}<<${delimiter}${import_node_os.EOL}${value}${import_node_os.EOL}${delimiter}${import_node_os.EOL}`, { encoding: "utf8" }), !0;
}
function actionInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/model/backoff.ts
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
  let step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function retryAfterMs(header, now = Date.now()) {
  if (!header) return;
  let text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  let at = Date.parse(text);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function retryWait(attempt, baseMs, capMs, retryAfter) {
  let backoff = backoffDelay(attempt, baseMs, capMs);
  return retryAfter === void 0 ? backoff : Math.min(capMs, Math.max(backoff, retryAfter));
}

// src/http/exchange.ts
var import_node_http = require("node:http"), import_node_https = require("node:https"), HttpResponse = class {
  constructor(status, headers, body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
  status;
  headers;
  body;
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  text() {
    return this.body.toString("utf8");
  }
  /** The body as JSON; a SyntaxError when it is not. */
  json() {
    return JSON.parse(this.text());
  }
}, HttpHeaders = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
  get(name) {
    let value = this.raw[name.toLowerCase()];
    return value === void 0 ? null : Array.isArray(value) ? value.join(", ") : value;
  }
  has(name) {
    return this.raw[name.toLowerCase()] !== void 0;
  }
}, HttpFailure = class extends Error {
  constructor(message, code, options) {
    super(message, options);
    this.code = code;
    this.name = "HttpFailure";
  }
  code;
}, agents = { http: new import_node_http.Agent({ keepAlive: !0 }), https: new import_node_https.Agent({ keepAlive: !0 }) }, MAX_REDIRECTS = 5;
async function exchange(url2, options) {
  let deadline = Date.now() + options.timeoutMs, target = new URL(url2), headers = { ...options.headers };
  for (let redirects = 0; ; redirects++) {
    let response = await once(target, { ...options, headers, timeoutMs: Math.max(deadline - Date.now(), 1) }, options.timeoutMs), location = response.headers.get("location"), redirect = [301, 302, 303, 307, 308].includes(response.status) && location;
    if (!options.followRedirects || !redirect || !["GET", "HEAD"].includes(options.method ?? "GET")) return response;
    if (redirects === MAX_REDIRECTS) throw new HttpFailure(`more than ${MAX_REDIRECTS} redirects`, "ETOOMANYREDIRECTS");
    let next = new URL(location, target);
    next.origin !== target.origin && (headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !["authorization", "cookie"].includes(name.toLowerCase())))), target = next;
  }
}
function once(url2, options, boundMs) {
  if (url2.protocol !== "http:" && url2.protocol !== "https:") return Promise.reject(new HttpFailure(`unsupported protocol ${url2.protocol}`, "EPROTO"));
  let https = url2.protocol === "https:", headers = { ...options.headers };
  return options.body !== void 0 && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length") && (headers["content-length"] = String(Buffer.byteLength(options.body))), new Promise((resolve, reject) => {
    let req = (https ? import_node_https.request : import_node_http.request)(url2, { method: options.method ?? "GET", headers, agent: https ? agents.https : agents.http }, (res) => {
      readBody(res, options.maxBodyBytes).then(
        (body) => {
          clearTimeout(timer), resolve(new HttpResponse(res.statusCode ?? 0, new HttpHeaders(res.headers), body));
        },
        (error2) => {
          clearTimeout(timer), req.destroy(), reject(error2);
        }
      );
    }), timer = setTimeout(() => req.destroy(new HttpFailure(`no answer within ${seconds(boundMs)}`, "ETIMEDOUT")), options.timeoutMs);
    req.on("error", (error2) => {
      clearTimeout(timer), reject(error2 instanceof HttpFailure ? error2 : new HttpFailure(describeSocketError(error2), error2.code ?? "ENETWORK", { cause: error2 }));
    }), req.end(options.body);
  });
}
function readBody(res, maxBytes = Number.POSITIVE_INFINITY) {
  let declared = Number(res.headers["content-length"] ?? Number.NaN);
  return declared > maxBytes ? Promise.reject(new HttpFailure(`an answer of ${declared} bytes, more than the ${maxBytes} expected`, "EBODYTOOLARGE")) : new Promise((resolve, reject) => {
    let chunks = [], length = 0;
    res.on("data", (chunk) => {
      length += chunk.length, length <= maxBytes ? chunks.push(chunk) : reject(new HttpFailure(`an answer of more than the ${maxBytes} bytes expected`, "EBODYTOOLARGE"));
    }), res.on("end", () => resolve(Buffer.concat(chunks))), res.on("error", (error2) => reject(new HttpFailure("the answer broke off", "ECONNRESET", { cause: error2 }))), res.on("aborted", () => reject(new HttpFailure("the answer broke off", "ECONNRESET")));
  });
}
function describeSocketError(error2) {
  switch (error2.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "EPIPE":
      return "connection reset";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not resolved";
    default:
      return error2.code ? `${error2.code}: ${error2.message}` : error2.message;
  }
}
function seconds(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}

// src/runtime/github/id-token.ts
var ATTEMPTS = 5;
async function githubIdToken(audience, env, warn) {
  let base = env.ACTIONS_ID_TOKEN_REQUEST_URL, bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer)
    throw new GantryError("the runner offers no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set", {
      remedy: "grant the job `permissions: id-token: write` (a pull request from a fork never gets one), or pass web-identity-token-file."
    });
  let url2 = new URL(base);
  url2.searchParams.set("audience", audience);
  for (let attempt = 1; ; attempt++) {
    let failure2, retryAfter;
    try {
      let response = await exchange(url2, {
        headers: { authorization: `Bearer ${bearer}`, accept: "application/json" },
        timeoutMs: networkLimits().requestTimeoutMs
      }), body = response.text();
      if (response.ok) {
        let value = tokenOf(body);
        if (value) return value;
        failure2 = "an answer without a token";
      } else if (response.status === 429 || response.status >= 500)
        failure2 = `HTTP ${response.status}`, retryAfter = retryAfterMs(response.headers.get("retry-after"));
      else
        throw new GantryError(`the runner refused the OIDC token request (audience ${audience}): HTTP ${response.status}`, {
          remedy: "the job needs `permissions: id-token: write`; an expired ACTIONS_ID_TOKEN_REQUEST_TOKEN means a job that ran too long."
        });
    } catch (error2) {
      if (error2 instanceof GantryError) throw error2;
      failure2 = error2.message;
    }
    if (attempt >= ATTEMPTS) throw new GantryError(`no OIDC token from the runner after ${ATTEMPTS} attempts: ${failure2}`);
    let wait = retryWait(attempt, 500, Math.max(8e3, retryAfter === void 0 ? 0 : networkLimits().maxRetryAfterMs), retryAfter);
    warn(`requesting the OIDC token: ${failure2}, retrying in ${wait} ms`), await sleep(wait);
  }
}
function tokenOf(body) {
  try {
    let value = JSON.parse(body).value;
    return typeof value == "string" && value ? value : void 0;
  } catch {
    return;
  }
}

// src/runtime/github/index.ts
var GitHubRuntime = class {
  name = "github";
  env;
  run;
  constructor(env = process.env) {
    this.env = { ...env }, this.run = {
      repository: env.GITHUB_REPOSITORY,
      runId: env.GITHUB_RUN_ID,
      runNumber: env.GITHUB_RUN_NUMBER,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      serverUrl: env.GITHUB_SERVER_URL
    };
  }
  info(message) {
    process.stdout.write(`${message}${import_node_os2.EOL}`);
  }
  notice(message) {
    issueCommand("notice", {}, message);
  }
  warning(message) {
    issueCommand("warning", {}, message);
  }
  error(message) {
    issueCommand("error", {}, message);
  }
  debug(message) {
    issueCommand("debug", {}, message);
  }
  markUnstable(reason) {
    this.warning(reason);
  }
  async group(title, fn) {
    issueCommand("group", {}, title);
    try {
      return await fn();
    } finally {
      issueCommand("endgroup", {}, "");
    }
  }
  setSecret(value) {
    value && issueCommand("add-mask", {}, value);
  }
  exportVariable(name, value, options = {}) {
    options.secret && this.setSecret(value), process.env[name] = value, appendKeyValue(this.env, "ENV", name, value) || issueCommand("set-env", { name }, value);
  }
  setOutput(name, value) {
    appendKeyValue(this.env, "OUTPUT", name, value) || (process.stdout.write(import_node_os2.EOL), issueCommand("set-output", { name }, value));
  }
  async appendSummary(markdown) {
    let path = this.env.GITHUB_STEP_SUMMARY;
    if (path)
      try {
        await (0, import_promises.appendFile)(path, `${markdown}${import_node_os2.EOL}`, { flag: "a" });
      } catch (error2) {
        this.warning(`could not write the job summary: ${error2.message}`);
      }
  }
  getIdToken(audience) {
    return githubIdToken(audience, this.env, (line) => this.warning(line));
  }
  /**
   * The stage's inputs as the runner passed them (`INPUT_<NAME>`), then the input's own environment fallbacks, so
   * that e.g. `aws-region` need not be repeated after the auth step exported `AWS_REGION`.
   */
  readInputs(stage) {
    let raw = {};
    for (let [name, spec] of Object.entries(stage.inputs)) {
      let candidates = [actionInput(this.env, name), ...(spec.env ?? []).map((variable) => this.env[variable])];
      raw[name] = candidates.find((value) => value !== void 0 && value !== "");
    }
    return raw;
  }
};
async function runAction(stage) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  let runtime = new GitHubRuntime(process.env);
  (await runStage(stage, runtime.readInputs(stage), runtime)).ok || (process.exitCode = 1), exitWhenFlushed();
}

// src/model/inputs.ts
var awsRegion = string2().check(_regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be an AWS region such as us-east-1")), iamRoleArn = string2().check(_regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>")), roleSessionName = string2().check(_regex(/^[\w+=,.@-]{2,64}$/, "must be 2-64 characters of letters, digits and +=,.@_-"));
function integerString(min, max) {
  let message = `must be a whole number from ${min} to ${max}`;
  return pipe(string2().check(_regex(/^\d+$/, message)), transform(Number)).check(refine((n) => n >= min && n <= max, message));
}
var booleanString = pipe(
  pipe(string2(), transform((value) => value.toLowerCase())).check(refine((value) => value === "true" || value === "false", "must be true or false")),
  transform((value) => value === "true")
);
function decimalString(min, max) {
  let message = `must be a number from ${min} to ${max}`;
  return pipe(string2().check(_regex(/^\d+(\.\d+)?$/, message)), transform(Number)).check(refine((n) => n >= min && n <= max, message));
}

// src/model/schedule.ts
var import_promises2 = require("node:timers/promises"), systemClock = {
  now: () => performance.now(),
  sleep: (ms) => (0, import_promises2.setTimeout)(ms)
};
function formatDuration(ms) {
  let seconds2 = Math.round(ms / 1e3);
  return seconds2 < 60 ? `${seconds2}s` : `${Math.floor(seconds2 / 60)}m${String(seconds2 % 60).padStart(2, "0")}s`;
}

// src/notify/webhook-url.ts
var import_node_net = require("node:net");
function parseWebhookUrl(value) {
  let url2;
  try {
    url2 = new URL(value.trim());
  } catch {
    return "must be an absolute https:// URL";
  }
  return url2.protocol === "https:" ? url2 : url2.protocol === "http:" ? isLoopback(url2.hostname) ? url2 : "must be an https:// URL (plain http:// is allowed for loopback hosts only)" : "must be an https:// URL";
}
function isLoopback(hostname) {
  let host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" ? !0 : (0, import_node_net.isIP)(host) === 4 && host.startsWith("127.");
}
function webhookHost(url2) {
  return url2.host;
}
function secretPartsOf(url2) {
  let path = `${url2.pathname}${url2.search}`, typed = url2.pathname === "/" && !url2.search ? url2.href.slice(0, -1) : url2.href;
  return [url2.href, typed, ...path.length > 1 ? [path] : []];
}

// src/notify/deliver.ts
async function postJson(url2, body, options) {
  let host = webhookHost(url2), payload = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    let problem, wait;
    try {
      let response = await exchange(url2, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "user-agent": "gantry-notify" },
        body: payload,
        timeoutMs: options.timeoutMs
      }), text = redactPath(response.text(), url2).replace(/\s+/g, " ").trim().slice(0, 120);
      if (response.ok) return { delivered: !0, attempts: attempt };
      problem = `${host} answered ${response.status}${text ? ` (${text})` : ""}`, response.status === 429 ? wait = retryAfterMs(response.headers.get("retry-after"), Date.now()) ?? backoffDelay(attempt, 1e3, options.maxWaitMs, options.random) : response.status >= 500 && (wait = backoffDelay(attempt, 500, options.maxWaitMs, options.random));
    } catch (error2) {
      problem = `${host}: ${networkProblem(error2, options.timeoutMs)}`, wait = backoffDelay(attempt, 500, options.maxWaitMs, options.random);
    }
    if (wait === void 0 || attempt >= options.attempts) return { delivered: !1, attempts: attempt, problem };
    let bounded = Math.min(wait, options.maxWaitMs);
    options.log(`${problem}; attempt ${attempt + 1}/${options.attempts} in ${(bounded / 1e3).toFixed(1)}s`), await options.clock.sleep(bounded);
  }
}
function redactPath(text, url2) {
  return url2.pathname.length > 1 ? text.split(url2.pathname).join("***") : text;
}
function networkProblem(error2, timeoutMs) {
  return error2 instanceof HttpFailure ? error2.code === "ETIMEDOUT" ? `no answer within ${timeoutMs} ms` : error2.message : "network error";
}

// src/notify/message.ts
var STATUSES = ["success", "failure", "unstable", "cancelled"], EMOJI = { success: ":white_check_mark:", failure: ":x:", unstable: ":warning:", cancelled: ":no_entry_sign:" }, VERB = { success: "succeeded", failure: "failed", unstable: "is unstable", cancelled: "was cancelled" };
function headline(facts) {
  return `${facts.service ? `Deploy of ${facts.service}` : facts.repository ? `Pipeline of ${facts.repository}` : "Pipeline"}${facts.environment ? ` to ${facts.environment}` : ""} ${VERB[facts.status]}`;
}
function escapeMrkdwn(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function link(url2, label) {
  return url2 ? `<${url2}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}
function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function slackPayload(facts) {
  let title = headline(facts), fields = [{ type: "mrkdwn", text: `*Status*
${facts.status}` }], field = (name, value) => {
    value && fields.push({ type: "mrkdwn", text: clip(`*${name}*
${value}`, 2e3) });
  };
  field("Service", facts.service && escapeMrkdwn(facts.service)), field("Environment", facts.environment && escapeMrkdwn(facts.environment)), field("Commit", facts.commit && link(facts.commitUrl, facts.commit.slice(0, 12))), field("Image", facts.image && `\`${escapeMrkdwn(facts.digest ?? facts.image)}\``), field("Duration", facts.durationMs !== void 0 ? formatDuration(facts.durationMs) : void 0);
  let blocks = [
    { type: "header", text: { type: "plain_text", text: clip(`${EMOJI[facts.status]} ${title}`, 150), emoji: !0 } }
  ];
  facts.message && blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(escapeMrkdwn(facts.message), 3e3) } }), blocks.push({ type: "section", fields });
  let context = [facts.runUrl ? link(facts.runUrl, "View run") : void 0, facts.repository && escapeMrkdwn(facts.repository), facts.image && escapeMrkdwn(facts.image)].filter(Boolean).join(" \xB7 ");
  return context && blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(context, 3e3) }] }), { text: [title, facts.image && `(${facts.digest ?? facts.image})`, facts.runUrl].filter(Boolean).join(" "), blocks };
}
function webhookPayload(facts) {
  return {
    source: "gantry",
    title: headline(facts),
    status: facts.status,
    service: facts.service ?? null,
    environment: facts.environment ?? null,
    image: facts.image ?? null,
    digest: facts.digest ?? null,
    commit: facts.commit ?? null,
    repository: facts.repository ?? null,
    commitUrl: facts.commitUrl ?? null,
    runUrl: facts.runUrl ?? null,
    durationSeconds: facts.durationMs !== void 0 ? Math.round(facts.durationMs / 1e3) : null,
    message: facts.message ?? null
  };
}

// src/oci/image-reference.ts
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])", DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`, PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*", NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`), TAG = /^[\w][\w.-]{0,127}$/, DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-zA-Z=_-]+$/, DIGEST_ALGORITHMS = { sha256: 64, sha512: 128 };
function parseImageReference(value) {
  let at = value.indexOf("@"), beforeDigest = at >= 0 ? value.slice(0, at) : value, digest = at >= 0 ? value.slice(at + 1) : void 0;
  if (digest !== void 0) {
    let problem = digestProblem(digest);
    if (problem) return problem;
  }
  let slash = beforeDigest.lastIndexOf("/"), colon = beforeDigest.lastIndexOf(":"), name = colon > slash ? beforeDigest.slice(0, colon) : beforeDigest, tag = colon > slash ? beforeDigest.slice(colon + 1) : void 0;
  return !NAME.test(name) || hasUppercasePath(name) ? `has a malformed repository name '${name}' (lower-case path components, optional registry host)` : tag !== void 0 && !TAG.test(tag) ? `has a malformed tag '${tag}'` : { name, tag, digest };
}
function digestProblem(digest) {
  let expected = "expected sha256:<64 hex digits>";
  if (!DIGEST.test(digest)) return `has a malformed digest '${digest}' (${expected})`;
  let [algorithm, encoded] = digest.split(":"), length = DIGEST_ALGORITHMS[algorithm];
  if (length === void 0) return `has a digest of unsupported algorithm '${algorithm}' (${expected}, or sha512)`;
  if (!new RegExp(`^[0-9a-f]{${length}}$`).test(encoded)) return `has a malformed digest '${digest}' (${algorithm} takes ${length} lower-case hex digits)`;
}
function hasUppercasePath(name) {
  let components = name.split("/");
  return (components.length > 1 && isRegistryHost(components[0]) ? components.slice(1) : components).some((component) => /[A-Z]/.test(component));
}
function isRegistryHost(component) {
  return component.includes(".") || component.includes(":") || component.startsWith("[") || component === "localhost";
}

// src/stages/notify.ts
var webhookUrl = optional(
  pipe(
    string2(),
    transform((value, ctx) => {
      let parsed = parseWebhookUrl(value);
      return typeof parsed != "string" ? parsed : (ctx.issues.push({ code: "custom", input: "", message: parsed }), NEVER);
    })
  )
), inputs = {
  status: input(
    pipe(
      pipe(string2(), transform((v) => v.toLowerCase())),
      _enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })
    ),
    { description: `Outcome to report: ${STATUSES.join(", ")} (GitHub's job.status fits).` }
  ),
  service: input(optional(string2().check(_maxLength(200))), { description: "Service that was built or deployed." }),
  environment: input(optional(string2().check(_maxLength(200))), { description: "Environment deployed to." }),
  image: input(
    optional(string2().check(refine((v) => typeof parseImageReference(v) != "string", "must be an image reference, e.g. repo@sha256:\u2026"))),
    { description: "Image shipped, preferably by digest (the output of push); the digest is shown." }
  ),
  commit: input(optional(string2().check(_regex(/^[0-9a-f]{7,64}$/i, "must be a commit id (hex)"))), {
    description: "Commit built; empty: the run\u2019s own (GITHUB_SHA, GIT_COMMIT, GANTRY_SHA)."
  }),
  "run-url": input(optional(url({ protocol: /^https?$/, error: "must be an http(s) URL" })), {
    description: "Link to the run; empty: <server>/<repository>/actions/runs/<run id> when the runner says so.",
    env: ["BUILD_URL"]
  }),
  "started-at": input(
    optional(
      pipe(
        string2(),
        transform((v, ctx) => {
          let ms = /^\d+$/.test(v) ? Number(v) * 1e3 : Date.parse(v);
          return Number.isNaN(ms) ? (ctx.issues.push({ code: "custom", input: v, message: "must be epoch seconds (date +%s) or an ISO 8601 time" }), NEVER) : ms;
        })
      )
    ),
    { description: "When the pipeline started (epoch seconds or ISO 8601), for the duration shown." }
  ),
  "duration-seconds": input(optional(decimalString(0, 31 * 86400)), { description: "Duration to show, when started-at is not given." }),
  message: input(optional(string2().check(_maxLength(2e3))), { description: "Free text added to the notification." }),
  "slack-webhook-url": input(webhookUrl, {
    description: "Slack incoming-webhook URL (a secret: pass it from secrets; it is masked and never printed).",
    env: ["SLACK_WEBHOOK_URL"]
  }),
  "webhook-url": input(webhookUrl, { description: "Any other receiver: gets the same facts as a plain JSON object (a secret, like the Slack URL)." }),
  "fail-on-error": input(booleanString, { description: "Fail the step when a notification cannot be delivered (default: a warning).", default: "false" }),
  attempts: input(integerString(1, 10), { description: "Attempts per target; 429 (after Retry-After), 5xx and network errors are retried.", default: "4" }),
  "timeout-seconds": input(decimalString(0.1, 120), { description: "Bound on one request.", default: "10" })
}, notifyStage = defineStage({
  name: "notify",
  description: "Notify Slack (Block Kit) and/or a JSON webhook of the outcome: status, service, environment, image, commit, run link, duration.",
  inputs,
  outputs: {
    delivered: { description: "Targets that got the notification, comma-separated (slack, webhook); empty when none did." },
    failed: { description: "Targets that did not, comma-separated; empty when all did." }
  },
  check: (input2) => !input2["slack-webhook-url"] && !input2["webhook-url"] ? { input: "slack-webhook-url", problem: "is required unless webhook-url is given" } : input2["started-at"] !== void 0 && input2["duration-seconds"] !== void 0 ? { input: "duration-seconds", problem: "is computed from started-at: give one of them" } : void 0,
  run: notify
});
async function notify(input2, runtime) {
  let targets = [
    { name: "slack", url: input2["slack-webhook-url"], payload: slackPayload },
    { name: "webhook", url: input2["webhook-url"], payload: webhookPayload }
  ].filter((t) => t.url !== void 0);
  for (let target of targets) for (let part of secretPartsOf(target.url)) runtime.setSecret(part);
  let facts = factsOf(input2, runtime), delivered = [], failed = [];
  for (let target of targets) {
    let host = webhookHost(target.url), result = await postJson(target.url, target.payload(facts), {
      attempts: input2.attempts,
      timeoutMs: input2["timeout-seconds"] * 1e3,
      maxWaitMs: 3e4,
      clock: systemClock,
      log: (line) => runtime.info(`${target.name}: ${line}`)
    });
    result.delivered ? (delivered.push(target.name), runtime.info(`${target.name}: notified ${host} (${facts.status}${result.attempts > 1 ? `, attempt ${result.attempts}` : ""})`)) : (failed.push({ name: target.name, host, problem: result.problem }), runtime.warning(`${target.name}: notification not delivered after ${result.attempts} attempt(s): ${result.problem}`));
  }
  await runtime.appendSummary(
    [
      `### notify: ${facts.status}`,
      "",
      ...targets.map((t) => `- ${t.name} (${webhookHost(t.url)}): ${delivered.includes(t.name) ? "delivered" : "not delivered"}`),
      ""
    ].join(`
`)
  );
  let outputs = { delivered: delivered.join(","), failed: failed.map((f) => f.name).join(",") };
  if (failed.length > 0 && input2["fail-on-error"]) {
    for (let [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    throw new GantryError(`notification not delivered: ${failed.map((f) => `${f.name} (${f.problem})`).join("; ")}`, {
      remedy: "check that the webhook URL secret is current and its host is reachable from the runner; or set fail-on-error: false."
    });
  }
  return outputs;
}
function factsOf(input2, runtime) {
  let { repository, runId, serverUrl, sha } = runtime.run, commit = input2.commit ?? sha, image = input2.image, reference = image ? parseImageReference(image) : void 0, durationMs = input2["started-at"] !== void 0 ? Math.max(0, Date.now() - input2["started-at"]) : input2["duration-seconds"] !== void 0 ? input2["duration-seconds"] * 1e3 : void 0;
  return {
    status: input2.status,
    service: input2.service,
    environment: input2.environment,
    image,
    digest: reference && typeof reference != "string" ? reference.digest : void 0,
    commit,
    repository,
    commitUrl: serverUrl && repository && commit ? `${serverUrl}/${repository}/commit/${commit}` : void 0,
    runUrl: input2["run-url"] ?? (serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : void 0),
    durationMs,
    message: input2.message
  };
}

// src/actions/notify.ts
runAction(notifyStage);
