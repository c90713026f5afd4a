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
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
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
function isPlainObject(o) {
  if (isObject(o) === !1)
    return !1;
  let ctor = o.constructor;
  if (ctor === void 0 || typeof ctor != "function")
    return !0;
  let prot = ctor.prototype;
  return !(isObject(prot) === !1 || Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === !1);
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
function sizeCaps(defChecks) {
  let caps = [];
  for (let ch of defChecks ?? []) {
    let d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    let max = d.maximum ?? d.length ?? d.size;
    max >= 0 && caps.push([max, ch]);
  }
  return caps;
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
    let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
    if (result2 instanceof Promise)
      throw new $ZodAsyncError();
    if (result2.issues.length) {
      let e = new (_params?.Err ?? _Err)(result2.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      throw captureStackTrace(e, _params?.callee ?? fn), e;
    }
    return result2.value;
  };
  return fn;
}, parse = /* @__PURE__ */ _parse($ZodRealError), _parseAsync = (_Err) => {
  let fn = async (schema, value, _ctx, params) => {
    let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
    if (result2 instanceof Promise && (result2 = await result2), result2.issues.length) {
      let e = new (params?.Err ?? _Err)(result2.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      throw captureStackTrace(e, params?.callee ?? fn), e;
    }
    return result2.value;
  };
  return fn;
}, parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError), _safeParse = (_Err) => (schema, value, _ctx) => {
  let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
  if (result2 instanceof Promise)
    throw new $ZodAsyncError();
  return result2.issues.length ? failure(_Err, result2.issues, ctx) : { success: !0, data: result2.value };
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
  let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
  return result2 instanceof Promise && (result2 = await result2), result2.issues.length ? failure(_Err, result2.issues, ctx) : { success: !0, data: result2.value };
}, safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {}), inst._zod.def = def, (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  let val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def), (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength), inst._zod.check = (payload) => {
    let input2 = payload.value, units = input2.length;
    if ((typeof input2 == "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input2) : units) >= def.minimum)
      return;
    let origin = getLengthableOrigin(input2);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
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
      let result2 = inst._zod.parse(payload, ctx);
      if (result2 instanceof Promise) {
        if (ctx.async === !1)
          throw new $ZodAsyncError();
        return result2.then((result3) => runChecks(result3, checks, ctx));
      }
      return runChecks(result2, checks, ctx);
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
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def), inst._zod.pattern = number, inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch {
      }
    let input2 = payload.value;
    if (typeof input2 == "number" && !Number.isNaN(input2) && Number.isFinite(input2))
      return payload;
    let received = typeof input2 == "number" ? Number.isNaN(input2) ? "NaN" : Number.isFinite(input2) ? void 0 : String(input2) : void 0;
    return payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input: input2,
      inst,
      ...received ? { received } : {}
    }), payload;
  };
});
function capSize(inst, size) {
  let caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  let cap = Math.min(...caps.map((c) => c[0])), parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    let n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (let [max, ch] of sizeCaps(inst._zod.def.checks))
        if (n > max && ch._zod.def.when(payload)) {
          let start = payload.issues.length;
          return ch._zod.check(payload), payload.issues[start].continue = !1, attachSchema(payload.issues, start, inst), payload;
        }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input2) => Array.isArray(input2) ? input2.length : -1;
function handleArrayResult(result2, final, index) {
  result2.issues.length && final.issues.push(...prefixIssues(index, result2.issues)), final.value[index] = result2.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  let memo = globalConfig.memoizer;
  memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
    let input2 = payload.value;
    if (!Array.isArray(input2))
      return payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input: input2,
        inst
      }), payload;
    payload.value = memo ? memo.alloc(inst, payload, Array(input2.length), ctx) : Array(input2.length);
    let proms = [], abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input2.length; i++) {
      let item = input2[i], result2 = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result2 instanceof Promise)
        proms.push(result2.then((result3) => handleArrayResult(result3, payload, i)));
      else if (handleArrayResult(result2, payload, i), abortEarly && result2.issues.length !== 0 && aborted(result2))
        break;
    }
    return proms.length ? Promise.all(proms).then(() => payload) : payload;
  }, capSize(inst, arraySize);
});
function handlePropertyResult(result2, final, key, input2, optin, optout) {
  let isPresent = key in input2, isOptionalOut = optout === "optional";
  if (!(!isPresent && isOptionalOut && optin === "optional")) {
    if (result2.issues.length) {
      if (optin !== void 0 && isOptionalOut && !isPresent)
        return;
      final.issues.push(...prefixIssues(key, result2.issues));
    }
    if (!isPresent && optin === void 0) {
      result2.issues.length || final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
      return;
    }
    result2.value === void 0 ? (isPresent || optin === "defaulted" && !isOptionalOut) && (final.value[key] = void 0) : final.value[key] = result2.value;
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
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  let memo = globalConfig.memoizer;
  memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
    let input2 = payload.value;
    if (!isPlainObject(input2))
      return payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input: input2,
        inst
      }), payload;
    let proms = [], values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let recordKeys = /* @__PURE__ */ new Set();
      for (let key of values)
        if (typeof key == "string" || typeof key == "number" || typeof key == "symbol") {
          if (recordKeys.add(typeof key == "number" ? key.toString() : key), key === "__proto__")
            continue;
          let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise)
            throw new Error("Async schemas not supported in object keys currently");
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          let outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          let result2 = def.valueType._zod.run({ value: input2[key], issues: [] }, ctx);
          result2 instanceof Promise ? proms.push(result2.then((result3) => {
            result3.issues.length && payload.issues.push(...prefixIssues(key, result3.issues)), payload.value[outKey] = result3.value;
          })) : (result2.issues.length && payload.issues.push(...prefixIssues(key, result2.issues)), payload.value[outKey] = result2.value);
        }
      let unrecognized;
      for (let key in input2)
        if (!recordKeys.has(key))
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input2[key];
          } else
            unrecognized = unrecognized ?? [], unrecognized.push(key);
      unrecognized && unrecognized.length > 0 && payload.issues.push({
        code: "unrecognized_keys",
        input: input2,
        inst,
        keys: unrecognized,
        continue: !0
      });
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (let key of Reflect.ownKeys(input2)) {
        if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(input2, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise)
          throw new Error("Async schemas not supported in object keys currently");
        if (typeof key == "string" && number.test(key) && keyResult.issues.length) {
          let retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise)
            throw new Error("Async schemas not supported in object keys currently");
          retryResult.issues.length === 0 && (keyResult = retryResult);
        }
        if (keyResult.issues.length) {
          def.mode === "loose" ? payload.value[key] = input2[key] : values ? (unrecognized = unrecognized ?? [], unrecognized.push(key)) : payload.issues.push({
            code: "invalid_key",
            origin: "record",
            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
            input: key,
            path: [key],
            inst
          });
          continue;
        }
        let outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        let result2 = def.valueType._zod.run({ value: input2[key], issues: [] }, ctx);
        result2 instanceof Promise ? proms.push(result2.then((result3) => {
          result3.issues.length && payload.issues.push(...prefixIssues(key, result3.issues)), payload.value[outKey] = result3.value;
        })) : (result2.issues.length && payload.issues.push(...prefixIssues(key, result2.issues)), payload.value[outKey] = result2.value);
      }
      unrecognized && unrecognized.length > 0 && payload.issues.push({
        code: "unrecognized_keys",
        input: input2,
        inst,
        keys: unrecognized,
        continue: !0
      });
    }
    return proms.length ? Promise.all(proms).then(() => payload) : payload;
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
}), $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  let values = new Set(def.values);
  inst._zod.values = values, defineLazyInternal(inst, "pattern", (zod) => {
    let vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o == "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  }), inst._zod.parse = (payload, _ctx) => {
    let input2 = payload.value;
    return values.has(input2) || payload.issues.push({
      code: "invalid_value",
      values: def.values,
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
function handleOptionalResult(payload, result2) {
  return payload.value = result2.issues.length ? void 0 : result2.value, payload;
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
      let result2 = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      return result2 instanceof Promise ? result2.then((result3) => handleOptionalResult(payload, result3)) : handleOptionalResult(payload, result2);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def), defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin), defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout), defineLazyInternal(inst, "pattern", (zod) => {
    let pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  }), defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0), inst._zod.parse = (payload, ctx) => payload.value === null ? payload : def.innerType._zod.run(payload, ctx);
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
function handleRefineResult(result2, payload, input2, inst) {
  if (!result2) {
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
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
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
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
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
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  return !valueType || !valueType._zod ? new ZodMiniRecord({
    type: "record",
    keyType: /* @__PURE__ */ string2(),
    valueType: keyType,
    ...normalizeParams(valueType)
  }) : new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
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
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
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
var ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
  $ZodNullable.init(inst, def), ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullish2(innerType) {
  return /* @__PURE__ */ optional(/* @__PURE__ */ nullable(innerType));
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
  let result2 = stage.schema.safeParse(withDefaults);
  if (result2.success) return result2.data;
  let issue2 = result2.error.issues[0], name = String(issue2.path[0] ?? stage.name), spansInputs = issue2.code === "custom" && issue2.params?.spansInputs === !0, problem = withDefaults[name] === void 0 && !spansInputs ? "is required" : issue2.message;
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
  let delimiter2 = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`;
  if (name.includes(delimiter2) || value.includes(delimiter2)) throw new Error(`Unexpected input: ${name} contains the delimiter "${delimiter2}"`);
  return (0, import_node_fs.appendFileSync)(path, `${name}<<${delimiter2}${import_node_os.EOL}${value}${import_node_os.EOL}${delimiter2}${import_node_os.EOL}`, { encoding: "utf8" }), !0;
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
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
function retryAfterMs(header, now = Date.now()) {
  if (!header) return;
  let text2 = header.trim();
  if (/^\d+$/.test(text2)) return Number(text2) * 1e3;
  let at = Date.parse(text2);
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
  constructor(message, code2, options) {
    super(message, options);
    this.code = code2;
    this.name = "HttpFailure";
  }
  code;
}, agents = { http: new import_node_http.Agent({ keepAlive: !0 }), https: new import_node_https.Agent({ keepAlive: !0 }) }, MAX_REDIRECTS = 5;
async function exchange(url, options) {
  let deadline = Date.now() + options.timeoutMs, target = new URL(url), headers = { ...options.headers };
  for (let redirects = 0; ; redirects++) {
    let response = await once(target, { ...options, headers, timeoutMs: Math.max(deadline - Date.now(), 1) }, options.timeoutMs), location = response.headers.get("location"), redirect = [301, 302, 303, 307, 308].includes(response.status) && location;
    if (!options.followRedirects || !redirect || !["GET", "HEAD"].includes(options.method ?? "GET")) return response;
    if (redirects === MAX_REDIRECTS) throw new HttpFailure(`more than ${MAX_REDIRECTS} redirects`, "ETOOMANYREDIRECTS");
    let next = new URL(location, target);
    next.origin !== target.origin && (headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !["authorization", "cookie"].includes(name.toLowerCase())))), target = next;
  }
}
function once(url, options, boundMs) {
  if (url.protocol !== "http:" && url.protocol !== "https:") return Promise.reject(new HttpFailure(`unsupported protocol ${url.protocol}`, "EPROTO"));
  let https = url.protocol === "https:", headers = { ...options.headers };
  return options.body !== void 0 && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length") && (headers["content-length"] = String(Buffer.byteLength(options.body))), new Promise((resolve2, reject) => {
    let req = (https ? import_node_https.request : import_node_http.request)(url, { method: options.method ?? "GET", headers, agent: https ? agents.https : agents.http }, (res) => {
      readBody(res, options.maxBodyBytes).then(
        (body) => {
          clearTimeout(timer), resolve2(new HttpResponse(res.statusCode ?? 0, new HttpHeaders(res.headers), body));
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
  return declared > maxBytes ? Promise.reject(new HttpFailure(`an answer of ${declared} bytes, more than the ${maxBytes} expected`, "EBODYTOOLARGE")) : new Promise((resolve2, reject) => {
    let chunks = [], length = 0;
    res.on("data", (chunk) => {
      length += chunk.length, length <= maxBytes ? chunks.push(chunk) : reject(new HttpFailure(`an answer of more than the ${maxBytes} bytes expected`, "EBODYTOOLARGE"));
    }), res.on("end", () => resolve2(Buffer.concat(chunks))), res.on("error", (error2) => reject(new HttpFailure("the answer broke off", "ECONNRESET", { cause: error2 }))), res.on("aborted", () => reject(new HttpFailure("the answer broke off", "ECONNRESET")));
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
  let url = new URL(base);
  url.searchParams.set("audience", audience);
  for (let attempt = 1; ; attempt++) {
    let failure2, retryAfter;
    try {
      let response = await exchange(url, {
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

// src/stages/scan.ts
var import_node_fs4 = require("node:fs"), import_promises7 = require("node:fs/promises"), import_node_os4 = require("node:os"), import_node_path4 = require("node:path");

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

// src/scan/severity.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function isSeverity(value) {
  return SEVERITIES.includes(value);
}
function severityRank(severity2) {
  return SEVERITIES.indexOf(severity2);
}
function parseSeveritySelection(value) {
  let names = value.split(",").map((name) => name.trim().toUpperCase()).filter((name) => name !== "");
  if (names.length === 0) return { error: `must name a severity: ${SEVERITIES.join(", ")}` };
  let unknown = names.find((name) => !isSeverity(name));
  if (unknown !== void 0) return { error: `'${unknown}' is not a severity (use ${SEVERITIES.join(", ")})` };
  let chosen = names;
  return chosen.length === 1 ? { severities: SEVERITIES.filter((s) => severityRank(s) <= severityRank(chosen[0])) } : { severities: SEVERITIES.filter((s) => chosen.includes(s)) };
}

// src/scan/findings.ts
function isFailedCheck(misconfiguration2) {
  return misconfiguration2.Status === "FAIL";
}
function findingsOf(report2) {
  let findings = [];
  for (let result2 of report2.Results) {
    for (let v of result2.Vulnerabilities)
      findings.push({
        kind: "vulnerability",
        severity: v.Severity,
        id: v.VulnerabilityID,
        title: v.Title,
        target: v.PkgPath || result2.Target,
        pkg: v.PkgName,
        installed: v.InstalledVersion,
        fixed: v.FixedVersion
      });
    for (let m of result2.Misconfigurations.filter(isFailedCheck))
      findings.push({
        kind: "misconfiguration",
        severity: m.Severity,
        id: m.ID,
        title: m.Title,
        target: result2.Target,
        message: m.Message,
        line: m.CauseMetadata.StartLine
      });
    for (let s of result2.Secrets)
      findings.push({ kind: "secret", severity: s.Severity, id: s.RuleID, title: s.Title, target: result2.Target, category: s.Category, line: s.StartLine });
  }
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
function countBySeverity(findings) {
  let counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (let finding of findings) counts[finding.severity]++;
  return counts;
}
function filterReport(report2, severities) {
  let keep = (s) => severities.includes(s);
  return {
    ...report2,
    Results: report2.Results.map(
      (result2) => ({
        ...result2,
        Vulnerabilities: result2.Vulnerabilities.filter((v) => keep(v.Severity)),
        Misconfigurations: result2.Misconfigurations.filter((m) => isFailedCheck(m) && keep(m.Severity)),
        Secrets: result2.Secrets.filter((s) => keep(s.Severity))
      })
    )
  };
}

// src/scan/gate.ts
var STRATEGIES = ["fail", "warn", "ignore"];
function evaluateGate(report2, policy) {
  let findings = findingsOf(report2), gated = findings.filter((f) => policy.severities.includes(f.severity));
  return { state: !(gated.length > 0) || policy.strategy === "ignore" ? "passed" : policy.strategy === "warn" ? "warned" : "failed", counts: countBySeverity(findings), findings, gated };
}

// src/scan/junit.ts
function renderJunit(report2) {
  let lines = ['<?xml version="1.0" ?>', '<testsuites name="trivy">'];
  for (let result2 of report2.Results)
    lines.push(
      ...suite(
        result2,
        result2.Vulnerabilities.map((v) => ({
          classname: `${v.PkgName}-${v.InstalledVersion}`,
          name: `[${v.Severity}] ${v.VulnerabilityID}`,
          message: v.Title,
          body: v.Description
        }))
      )
    ), lines.push(
      ...suite(
        result2,
        result2.Misconfigurations.map((m) => ({
          classname: m.Type,
          name: `[${m.Severity}] ${m.ID}`,
          message: m.Title,
          body: [m.Message, m.Description].filter(Boolean).join(`
`)
        }))
      )
    ), result2.Secrets.length > 0 && lines.push(
      ...suite(
        result2,
        result2.Secrets.map((s) => ({
          classname: `${result2.Target}:${s.StartLine}`,
          name: `[${s.Severity}] ${s.RuleID}`,
          message: s.Title,
          body: `${s.Title} (${s.Category}) in ${result2.Target} at line ${s.StartLine}`
        }))
      )
    );
  return lines.push("</testsuites>", ""), lines.join(`
`);
}
function suite(result2, cases) {
  let lines = [`    <testsuite tests="${cases.length}" failures="${cases.length}" name="${xml(result2.Target)}" errors="0" skipped="0" time="">`];
  result2.Type && lines.push("        <properties>", `            <property name="type" value="${xml(result2.Type)}"></property>`, "        </properties>");
  for (let c of cases)
    lines.push(
      `        <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="">`,
      `            <failure message="${xml(c.message)}" type="description">${xml(c.body)}</failure>`,
      "        </testcase>"
    );
  return lines.push("    </testsuite>"), lines;
}
function xml(text2) {
  return text2.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// src/scan/oci-archive.ts
var import_node_fs2 = require("node:fs"), import_promises3 = require("node:fs/promises"), import_node_os3 = require("node:os"), import_node_path = require("node:path"), import_promises4 = require("node:stream/promises");

// src/oci/tar.ts
var import_promises2 = require("node:fs/promises"), BLOCK = 512;
async function indexTar(path) {
  let file = await (0, import_promises2.open)(path, "r");
  try {
    let entries = /* @__PURE__ */ new Map(), { size: total } = await file.stat(), position = 0, pending = {};
    for (; position + BLOCK <= total; ) {
      let header = await readAt(file, position, BLOCK);
      if (header.every((byte) => byte === 0)) break;
      checkHeader(header, position, path);
      let size = pending.size ?? headerSize(header), type = String.fromCharCode(header[156]), dataOffset = position + BLOCK;
      if (position = dataOffset + Math.ceil(size / BLOCK) * BLOCK, type === "x") {
        pending = { ...pending, ...parsePax(await readAt(file, dataOffset, size)) };
        continue;
      }
      if (type === "L") {
        pending = { ...pending, path: cString(await readAt(file, dataOffset, size), 0, size) };
        continue;
      }
      if (type === "g") continue;
      let name = normalise(pending.path ?? ustarName(header));
      pending = {}, (type === "0" || type === "\0" || type === "7") && entries.set(name, { name, offset: dataOffset, size });
    }
    return entries;
  } finally {
    await file.close();
  }
}
async function readAt(file, offset, length) {
  let buffer = Buffer.alloc(length), read = 0;
  for (; read < length; ) {
    let { bytesRead } = await file.read(buffer, read, length - read, offset + read);
    if (bytesRead === 0) throw new Error(`unexpected end of tar archive at byte ${offset + read}`);
    read += bytesRead;
  }
  return buffer;
}
function checkHeader(header, position, path) {
  let stored = parseOctal(header, 148, 8), sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  if (stored !== sum) throw new Error(`${path} is not a tar archive (bad header checksum at byte ${position})`);
}
function headerSize(header) {
  if (header[124] & 128) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + header[i];
    return n;
  }
  return parseOctal(header, 124, 12);
}
function parseOctal(buffer, start, length) {
  let text2 = cString(buffer, start, length).trim();
  return text2 === "" ? 0 : parseInt(text2, 8);
}
function cString(buffer, start, length) {
  let end = buffer.indexOf(0, start);
  return buffer.toString("utf8", start, end === -1 || end > start + length ? start + length : end);
}
function ustarName(header) {
  let name = cString(header, 0, 100), prefix = header.toString("latin1", 257, 262) === "ustar" ? cString(header, 345, 155) : "";
  return prefix ? `${prefix}/${name}` : name;
}
function parsePax(data) {
  let out = {}, at = 0;
  for (; at < data.length; ) {
    let space = data.indexOf(32, at);
    if (space === -1) break;
    let length = parseInt(data.toString("utf8", at, space), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    let record2 = data.toString("utf8", space + 1, at + length - 1), eq = record2.indexOf("="), key = record2.slice(0, eq), value = record2.slice(eq + 1);
    key === "path" && (out.path = value), key === "size" && (out.size = Number(value)), at += length;
  }
  return out;
}
function normalise(name) {
  return name.replace(/^\.\//, "").replace(/^\/+/, "");
}

// src/scan/oci-archive.ts
var LAYOUT_FILE = /^(oci-layout|index\.json|blobs\/[a-z0-9]+\/[a-f0-9]{32,128})$/;
async function entriesOf(path) {
  try {
    return await indexTar(path);
  } catch {
    return;
  }
}
async function isOciArchive(path) {
  let entries = await entriesOf(path);
  return entries !== void 0 && entries.has("oci-layout") && entries.has("index.json") && !entries.has("manifest.json");
}
async function unpackOciArchive(path) {
  let entries = await entriesOf(path);
  if (!entries) throw new GantryError(`${path} is not a tar archive`);
  let dir = await (0, import_promises3.mkdtemp)((0, import_node_path.join)((0, import_node_os3.tmpdir)(), "gantry-oci-"));
  try {
    for (let entry of entries.values()) {
      if (!LAYOUT_FILE.test(entry.name)) continue;
      let out = (0, import_node_path.join)(dir, entry.name);
      await (0, import_promises3.mkdir)((0, import_node_path.dirname)(out), { recursive: !0 }), entry.size === 0 ? await (0, import_promises3.writeFile)(out, "") : await (0, import_promises4.pipeline)((0, import_node_fs2.createReadStream)(path, { start: entry.offset, end: entry.offset + entry.size - 1 }), (0, import_node_fs2.createWriteStream)(out));
    }
    return dir;
  } catch (error2) {
    throw await (0, import_promises3.rm)(dir, { recursive: !0, force: !0 }), new GantryError(`cannot unpack the OCI archive ${path}: ${error2.message}`, { cause: error2 });
  }
}

// src/scan/markdown.ts
var STATE_LINE = {
  passed: "\u2705 passed",
  failed: "\u274C failed",
  warned: "\u26A0\uFE0F passed with warnings"
};
function renderSummary(verdict, context) {
  let top = context.top ?? 15, { policy } = context, lines = [
    `### Trivy ${context.scanType} scan: ${STATE_LINE[verdict.state]}`,
    "",
    `Target \`${code(context.target)}\` \xB7 scanners ${context.scanners.join(", ")} \xB7 Trivy ${context.trivyVersion}`,
    `Gate: ${policy.severities.join(", ")} \u2192 ${policy.strategy}` + (context.ignoreUnfixed ? " \xB7 unfixed vulnerabilities ignored" : "") + (context.ignoreFile ? ` \xB7 ignore file \`${code(context.ignoreFile)}\`` : ""),
    "",
    "| Severity | Vulnerabilities | Misconfigurations | Secrets | Total |",
    "| --- | ---: | ---: | ---: | ---: |"
  ];
  for (let severity2 of SEVERITIES) {
    let of = (kind) => verdict.findings.filter((f) => f.severity === severity2 && f.kind === kind).length, mark = policy.severities.includes(severity2) ? " (gated)" : "";
    lines.push(`| ${severity2}${mark} | ${of("vulnerability")} | ${of("misconfiguration")} | ${of("secret")} | ${verdict.counts[severity2]} |`);
  }
  if (lines.push(""), verdict.findings.length === 0)
    return lines.push("No findings.", ""), lines.join(`
`);
  let shown = verdict.findings.slice(0, top);
  lines.push(
    `#### ${verdict.findings.length > shown.length ? `Top ${shown.length} of ${verdict.findings.length} findings` : `Findings (${shown.length})`}`,
    "",
    "| Severity | Kind | ID | Where | Detail |",
    "| --- | --- | --- | --- | --- |"
  );
  for (let f of shown) lines.push(`| ${f.severity} | ${f.kind} | ${cell(f.id)} | ${cell(where(f))} | ${cell(detail(f))} |`);
  return lines.push(""), lines.join(`
`);
}
function where(f) {
  switch (f.kind) {
    case "vulnerability":
      return f.target;
    case "misconfiguration":
      return f.line ? `${f.target}:${f.line}` : f.target;
    case "secret":
      return `${f.target}:${f.line}`;
  }
}
function detail(f) {
  switch (f.kind) {
    case "vulnerability":
      return `${f.pkg} ${f.installed} \u2192 ${f.fixed || "no fix yet"}${f.title ? ` \u2014 ${f.title}` : ""}`;
    case "misconfiguration":
      return f.message || f.title;
    case "secret":
      return `${f.title} (value withheld)`;
  }
}
function cell(text2) {
  return text2.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
function code(text2) {
  return text2.replace(/`/g, "'");
}
function describeFinding(f) {
  return `${f.severity} ${f.kind} ${f.id} at ${where(f)}: ${detail(f)}`;
}

// src/scan/report.ts
var list = (item) => pipe(nullish2(array(item)), transform((items) => items ?? [])), text = pipe(nullish2(string2()), transform((value) => value ?? "")), severity = _enum(SEVERITIES), cvss = object({
  V2Vector: optional(string2()),
  V3Vector: optional(string2()),
  V40Vector: optional(string2()),
  V2Score: optional(number2()),
  V3Score: optional(number2()),
  V40Score: optional(number2())
}), vulnerability = object({
  VulnerabilityID: string2(),
  PkgID: text,
  PkgName: string2(),
  PkgPath: text,
  InstalledVersion: text,
  FixedVersion: text,
  Status: text,
  Severity: severity,
  SeveritySource: text,
  Title: text,
  Description: text,
  PrimaryURL: text,
  CVSS: pipe(nullish2(record(string2(), cvss)), transform((value) => value ?? {}))
}), misconfiguration = object({
  Type: text,
  ID: string2(),
  Title: text,
  Description: text,
  Message: text,
  Resolution: text,
  Severity: severity,
  PrimaryURL: text,
  Status: string2(),
  CauseMetadata: pipe(
    nullish2(
      object({
        Resource: optional(string2()),
        Provider: optional(string2()),
        Service: optional(string2()),
        StartLine: optional(number2()),
        EndLine: optional(number2())
      })
    ),
    transform((value) => value ?? {})
  )
}), secret = object({
  RuleID: string2(),
  Category: text,
  Severity: severity,
  Title: text,
  StartLine: number2(),
  EndLine: number2(),
  Match: text
}), result = object({
  Target: string2(),
  Class: text,
  Type: text,
  MisconfSummary: nullish2(object({ Successes: number2(), Failures: number2() })),
  Vulnerabilities: list(vulnerability),
  Misconfigurations: list(misconfiguration),
  Secrets: list(secret)
}), report = object({
  SchemaVersion: literal(2),
  Trivy: nullish2(object({ Version: string2() })),
  CreatedAt: text,
  ArtifactName: text,
  ArtifactType: text,
  Metadata: pipe(
    nullish2(
      object({
        ImageID: optional(string2()),
        RepoTags: list(string2()),
        RepoDigests: list(string2()),
        OS: nullish2(object({ Family: string2(), Name: string2() }))
      })
    ),
    transform((value) => value ?? { RepoTags: [], RepoDigests: [] })
  ),
  Results: list(result)
});
function parseTrivyReport(json, source = "Trivy report") {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error2) {
    throw new GantryError(`${source} is not JSON: ${error2.message}`);
  }
  let parsed = report.safeParse(data);
  if (!parsed.success) {
    let issue2 = parsed.error.issues[0];
    throw new GantryError(`${source} is not a Trivy JSON report (schema version 2): ${issue2.path.join(".") || "(root)"}: ${issue2.message}`, {
      remedy: "produce it with `trivy --format json` from Trivy 0.50 or later."
    });
  }
  return parsed.data;
}

// src/scan/sarif.ts
var SECRET_RULES_URL = "https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go";
function renderSarif(report2, options = {}) {
  let rules = [], ruleIndex = /* @__PURE__ */ new Map(), results = [], add = (entry) => {
    let rule = {
      id: entry.id,
      name: ruleName(entry.resultClass),
      shortDescription: { text: entry.shortDescription },
      fullDescription: { text: entry.fullDescription },
      defaultConfiguration: { level: sarifLevel(entry.severity) },
      ...entry.url ? { helpUri: entry.url } : {},
      help: { text: entry.helpText, markdown: entry.helpMarkdown },
      properties: { ...entry.cvss ?? {}, precision: "very-high", "security-severity": entry.score, tags: [entry.title, "security", entry.severity] }
    }, index = ruleIndex.get(entry.id);
    index === void 0 ? (index = rules.length, ruleIndex.set(entry.id, index), rules.push(rule)) : rules[index] = rule;
    let startLine = entry.startLine || 1, endLine = entry.endLine || startLine;
    results.push({
      ruleId: entry.id,
      ruleIndex: index,
      level: sarifLevel(entry.severity),
      message: { text: entry.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: entry.uri, uriBaseId: "ROOTPATH" },
            region: { startLine, startColumn: 1, endLine, endColumn: 1 }
          },
          message: { text: entry.locationMessage }
        }
      ]
    });
  };
  for (let result2 of report2.Results) {
    let target = pathUri(result2);
    for (let v of result2.Vulnerabilities) {
      let uri = v.PkgPath ? v.PkgPath.replace(/\\/g, "/") : target, { data, score } = cvssOf(v);
      add({
        id: v.VulnerabilityID,
        title: "vulnerability",
        resultClass: result2.Class,
        severity: v.Severity,
        score,
        cvss: data,
        url: v.PrimaryURL,
        shortDescription: v.Title,
        fullDescription: v.Description || v.Title,
        helpText: `Vulnerability ${v.VulnerabilityID}
Severity: ${v.Severity}
Package: ${v.PkgName}
Fixed Version: ${v.FixedVersion}
Link: [${v.VulnerabilityID}](${v.PrimaryURL})
${v.Description}`,
        helpMarkdown: `**Vulnerability ${v.VulnerabilityID}**
| Severity | Package | Fixed Version | Link |
| --- | --- | --- | --- |
|${v.Severity}|${v.PkgName}|${v.FixedVersion}|[${v.VulnerabilityID}](${v.PrimaryURL})|

${v.Description}`,
        message: `Package: ${v.PkgName}
Installed Version: ${v.InstalledVersion}
Vulnerability ${v.VulnerabilityID}
Severity: ${v.Severity}
Fixed Version: ${v.FixedVersion}
Link: [${v.VulnerabilityID}](${v.PrimaryURL})`,
        uri,
        locationMessage: `${uri}: ${v.PkgName}@${v.InstalledVersion}`
      });
    }
    for (let m of result2.Misconfigurations) {
      let uri = result2.Target.replace(/\\/g, "/");
      add({
        id: m.ID,
        title: "misconfiguration",
        resultClass: result2.Class,
        severity: m.Severity,
        score: severityScore(m.Severity),
        url: m.PrimaryURL,
        shortDescription: m.Title,
        fullDescription: m.Description,
        helpText: `Misconfiguration ${m.ID}
Type: ${m.Type}
Severity: ${m.Severity}
Check: ${m.Title}
Message: ${m.Message}
Link: [${m.ID}](${m.PrimaryURL})
${m.Description}`,
        helpMarkdown: `**Misconfiguration ${m.ID}**
| Type | Severity | Check | Message | Link |
| --- | --- | --- | --- | --- |
|${m.Type}|${m.Severity}|${m.Title}|${m.Message}|[${m.ID}](${m.PrimaryURL})|

${m.Description}`,
        message: `Artifact: ${uri}
Type: ${result2.Type}
Vulnerability ${m.ID}
Severity: ${m.Severity}
Message: ${m.Message}
Link: [${m.ID}](${m.PrimaryURL})`,
        uri,
        locationMessage: uri,
        startLine: m.CauseMetadata.StartLine,
        endLine: m.CauseMetadata.EndLine
      });
    }
    for (let s of result2.Secrets) {
      let where2 = `${target}:${s.StartLine}`;
      add({
        id: s.RuleID,
        title: "secret",
        resultClass: result2.Class,
        severity: s.Severity,
        score: severityScore(s.Severity),
        url: SECRET_RULES_URL,
        shortDescription: s.Title,
        fullDescription: `${s.Title} (${s.Category}) at ${where2}`,
        helpText: `Secret ${s.Title}
Severity: ${s.Severity}
Location: ${where2}`,
        helpMarkdown: `**Secret ${s.Title}**
| Severity | Location |
| --- | --- |
|${s.Severity}|${where2}|`,
        message: `Artifact: ${result2.Target}
Type: ${result2.Type}
Secret ${s.Title}
Severity: ${s.Severity}
Location: ${where2}`,
        uri: target,
        locationMessage: target,
        startLine: s.StartLine,
        endLine: s.EndLine
      });
    }
  }
  let run = {
    tool: {
      driver: {
        fullName: "Trivy Vulnerability Scanner",
        informationUri: "https://github.com/aquasecurity/trivy",
        name: "Trivy",
        rules,
        version: report2.Trivy?.Version ?? ""
      }
    },
    results,
    columnKind: "utf16CodeUnits"
  };
  return options.rootPath && (run.originalUriBaseIds = { ROOTPATH: { uri: `file://${options.rootPath.replace(/\/*$/, "/")}` } }), report2.ArtifactType === "container_image" && (run.properties = {
    imageID: report2.Metadata.ImageID ?? "",
    imageName: report2.ArtifactName,
    repoDigests: report2.Metadata.RepoDigests,
    repoTags: report2.Metadata.RepoTags
  }), { version: "2.1.0", $schema: "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json", runs: [run] };
}
function ruleName(resultClass) {
  switch (resultClass) {
    case "os-pkgs":
      return "OsPackageVulnerability";
    case "lang-pkgs":
      return "LanguageSpecificPackageVulnerability";
    case "config":
      return "Misconfiguration";
    case "secret":
      return "Secret";
    case "license":
    case "license-file":
      return "License";
    default:
      return "UnknownIssue";
  }
}
function sarifLevel(severity2) {
  return severity2 === "CRITICAL" || severity2 === "HIGH" ? "error" : severity2 === "MEDIUM" ? "warning" : "note";
}
function severityScore(severity2) {
  return { CRITICAL: "9.5", HIGH: "8.0", MEDIUM: "5.5", LOW: "2.0", UNKNOWN: "0.0" }[severity2];
}
function cvssOf(v) {
  let source = v.CVSS[v.SeveritySource];
  if (!source) return { data: {}, score: severityScore(v.Severity) };
  let data = {}, put = (key, value) => {
    value !== void 0 && value !== "" && value !== 0 && (data[key] = value);
  };
  return put("cvssv2_score", source.V2Score), put("cvssv2_vector", source.V2Vector), put("cvssv3_baseScore", source.V3Score), put("cvssv3_vector", source.V3Vector), put("cvssv40_baseScore", source.V40Score), put("cvssv40_vector", source.V40Vector), { data, score: source.V3Score ? source.V3Score.toFixed(1) : severityScore(v.Severity) };
}
function pathUri(result2) {
  let target = result2.Target.replace(/\\/g, "/");
  return result2.Class !== "os-pkgs" ? target : (target = target.replace(/\s*\(.*\).*$/, ""), target.replace(/@sha256:[0-9a-f]+$/, "").replace(/:[\w][\w.-]{0,127}$/, ""));
}

// src/scan/secrets.ts
var import_promises5 = require("node:fs/promises"), import_node_path2 = require("node:path");
async function secretValues(report2, root) {
  let values = /* @__PURE__ */ new Set();
  for (let result2 of report2.Results) {
    if (result2.Secrets.length === 0) continue;
    let lines;
    try {
      lines = (await (0, import_promises5.readFile)((0, import_node_path2.join)(root, result2.Target), "utf8")).replace(/\r/g, "").split(`
`);
    } catch {
      continue;
    }
    for (let secret2 of result2.Secrets) {
      let original = lines.slice(secret2.StartLine - 1, secret2.EndLine).join(`
`);
      for (let value of uncensor(secret2.Match, original)) values.add(value);
    }
  }
  return [...values];
}
function uncensor(censored, original) {
  if (!censored.includes("*")) return [];
  for (let offset = 0; offset + censored.length <= original.length; offset++) {
    let aligned = !0;
    for (let i = 0; i < censored.length && aligned; i++)
      censored[i] !== "*" && censored[i] !== original[offset + i] && (aligned = !1);
    if (!aligned) continue;
    let values = [];
    for (let run of censored.matchAll(/\*+/g)) {
      let value = original.slice(offset + run.index, offset + run.index + run[0].length);
      value.length >= 4 && !/^\*+$/.test(value) && values.push(value);
    }
    return values;
  }
  return [];
}

// src/scan/trivy-binary.ts
var import_node_fs3 = require("node:fs"), import_promises6 = require("node:fs/promises"), import_node_path3 = require("node:path");

// src/scan/exec.ts
var import_node_child_process = require("node:child_process");
function execTool(command, args, options) {
  let started = Date.now();
  return new Promise((resolve2, reject) => {
    let child = (0, import_node_child_process.spawn)(command, args, {
      cwd: options.cwd,
      env: definedOnly(options.env),
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a timeout stops the tool's children too.
      detached: !0
    }), stdout = "", stderr = "", partial2 = "", timedOut = !1;
    child.stdout.on("data", (chunk) => stdout += chunk.toString()), child.stderr.on("data", (chunk) => {
      let text2 = chunk.toString();
      stderr += text2;
      let lines = (partial2 + text2).split(`
`);
      partial2 = lines.pop() ?? "";
      for (let line of lines) options.onStderrLine?.(line);
    });
    let timer = setTimeout(() => {
      timedOut = !0, killGroup(child.pid);
    }, options.timeoutMs), heartbeat = options.onHeartbeat ? setInterval(() => options.onHeartbeat(Date.now() - started), options.heartbeatMs ?? 3e4) : void 0, finish = () => {
      clearTimeout(timer), heartbeat && clearInterval(heartbeat);
    };
    child.on("error", (error2) => {
      finish(), reject(error2);
    }), child.on("close", (code2) => {
      finish(), partial2 && options.onStderrLine?.(partial2), resolve2({ code: code2, stdout, stderr, timedOut, elapsedMs: Date.now() - started });
    });
  });
}
function killGroup(pid) {
  if (pid !== void 0)
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
    }
}
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== void 0));
}

// src/scan/trivy-binary.ts
var TRIVY_VERSION = "0.74.0", TRIVY_MODULE = "github.com/aquasecurity/trivy/cmd/trivy", VERSION_LDFLAG = "github.com/aquasecurity/trivy/pkg/version/app.ver", INSTALL_TIMEOUT_MS = 30 * 6e4;
async function trivyVersionOf(path, env) {
  try {
    let run = await execTool(path, ["--version"], { env, timeoutMs: 3e4 });
    return run.code === 0 ? /^Version:\s*(\S+)/m.exec(run.stdout)?.[1] : void 0;
  } catch {
    return;
  }
}
function cachedTrivyPath(toolCache, version2 = TRIVY_VERSION) {
  return (0, import_node_path3.join)(toolCache, "trivy", version2, "trivy");
}
async function resolveTrivy(options) {
  let { runtime } = options, env = runtime.env, candidate = options.trivyPath ?? await findOnPath("trivy", env.PATH);
  if (candidate) {
    let version2 = await trivyVersionOf(candidate, env);
    if (version2 === TRIVY_VERSION) return { path: candidate, version: version2, source: options.trivyPath ? "input" : "PATH" };
    runtime.warning(`${candidate} is Trivy ${version2 ?? "(unknown version)"}, not the pinned ${TRIVY_VERSION}; using the tool cache instead`);
  }
  let cached2 = cachedTrivyPath(options.toolCache);
  return await trivyVersionOf(cached2, env) === TRIVY_VERSION ? { path: cached2, version: TRIVY_VERSION, source: "tool cache" } : (await installTrivy(cached2, runtime), { path: cached2, version: TRIVY_VERSION, source: "installed" });
}
async function installTrivy(destination, runtime) {
  let go = await findOnPath("go", runtime.env.PATH);
  if (!go)
    throw new GantryError(`Trivy ${TRIVY_VERSION} is not installed and there is no Go toolchain to build it`, {
      remedy: `put trivy ${TRIVY_VERSION} on PATH or pass trivy-path, or install Go (1.25 or later) so Gantry can run \`go install ${TRIVY_MODULE}@v${TRIVY_VERSION}\`.`
    });
  let dir = (0, import_node_path3.join)(destination, "..");
  await (0, import_promises6.mkdir)(dir, { recursive: !0 });
  let scratch = await (0, import_promises6.mkdtemp)((0, import_node_path3.join)(dir, ".build-"));
  try {
    await runtime.group(`Installing Trivy ${TRIVY_VERSION} with go install (several minutes on a small runner)`, async () => {
      let run = await execTool(
        go,
        ["install", "-trimpath", "-ldflags", `-s -w -X ${VERSION_LDFLAG}=${TRIVY_VERSION}`, `${TRIVY_MODULE}@v${TRIVY_VERSION}`],
        {
          cwd: scratch,
          env: goInstallEnv(runtime.env, scratch),
          timeoutMs: INSTALL_TIMEOUT_MS,
          onStderrLine: (line) => runtime.debug(line),
          onHeartbeat: (ms) => runtime.info(`still building Trivy (${Math.round(ms / 1e3)}s)`)
        }
      );
      if (run.timedOut) throw new GantryError(`go install of Trivy ${TRIVY_VERSION} did not finish within ${INSTALL_TIMEOUT_MS / 6e4} minutes`);
      if (run.code !== 0) {
        let tail = run.stderr.split(`
`).filter((l) => l && !l.startsWith("go: downloading")).slice(-15).join(`
`);
        throw new GantryError(`go install ${TRIVY_MODULE}@v${TRIVY_VERSION} failed:
${tail}`, {
          remedy: "the Go module proxy (GOPROXY) and checksum database must be reachable, and Go new enough for Trivy's go directive."
        });
      }
      runtime.info(`built Trivy ${TRIVY_VERSION} in ${Math.round(run.elapsedMs / 1e3)}s`);
    }), await (0, import_promises6.rename)((0, import_node_path3.join)(scratch, "trivy"), destination);
  } finally {
    await (0, import_promises6.rm)(scratch, { recursive: !0, force: !0 });
  }
  let version2 = await trivyVersionOf(destination, runtime.env);
  if (version2 !== TRIVY_VERSION) throw new GantryError(`the Trivy just built reports version ${version2 ?? "(none)"}, not ${TRIVY_VERSION}`);
}
function goInstallEnv(env, gobin) {
  let gosumdb = env.GOSUMDB && env.GOSUMDB !== "off" ? env.GOSUMDB : void 0;
  return {
    ...env,
    GOBIN: gobin,
    GOTOOLCHAIN: "local",
    CGO_ENABLED: "0",
    // Trivy imports encoding/json/v2, still behind this experiment in Go 1.25 and 1.26.
    GOEXPERIMENT: "jsonv2",
    GOFLAGS: "",
    GOWORK: "off",
    GOSUMDB: gosumdb,
    GONOSUMDB: void 0,
    GONOPROXY: void 0,
    GOPRIVATE: void 0,
    GOINSECURE: void 0
  };
}
async function findOnPath(name, path) {
  for (let dir of (path ?? "").split(import_node_path3.delimiter).filter(Boolean)) {
    let file = (0, import_node_path3.join)(dir, name);
    try {
      return await (0, import_promises6.access)(file, import_node_fs3.constants.X_OK), file;
    } catch {
    }
  }
}

// src/scan/trivy-run.ts
var SCAN_TYPES = ["image", "fs", "config"], SCANNERS = ["vuln", "secret", "misconfig"];
function trivyArgs(scan2) {
  let args = [scan2.scanType];
  return args.push("--format", "json", "--output", scan2.output, "--exit-code", "0", "--timeout", `${scan2.timeoutSeconds}s`), args.push("--skip-version-check", "--disable-telemetry"), scan2.cacheDir && args.push("--cache-dir", scan2.cacheDir), scan2.ignoreFile && args.push("--ignorefile", scan2.ignoreFile), (scan2.scanType === "config" || scan2.scanners.includes("misconfig")) && scan2.offline && args.push("--skip-check-update"), scan2.scanType !== "config" && (args.push("--scanners", scan2.scanners.join(","), "--no-progress"), scan2.scanners.includes("vuln") ? (scan2.ignoreUnfixed && args.push("--ignore-unfixed"), scan2.dbRepository && args.push("--db-repository", scan2.dbRepository), scan2.offline && args.push("--skip-db-update", "--offline-scan")) : scan2.offline && args.push("--offline-scan")), args.push(...scan2.scanType === "image" ? ["--input", scan2.target] : [scan2.target]), args;
}
function trivySbomArgs(scan2, output) {
  let args = [scan2.scanType, "--format", "cyclonedx", "--output", output, "--timeout", `${scan2.timeoutSeconds}s`];
  return args.push("--skip-version-check", "--disable-telemetry", "--offline-scan", "--no-progress"), scan2.cacheDir && args.push("--cache-dir", scan2.cacheDir), args.push(...scan2.scanType === "image" ? ["--input", scan2.target] : [scan2.target]), args;
}
function missingVulnerabilityDb(scan2, trivySaid) {
  let cause = scan2.offline ? `there is no vulnerability database in the cache (${scan2.cacheDir ?? "Trivy's default ~/.cache/trivy"}) and offline mode forbids downloading one` : "the vulnerability database could not be downloaded (no route to its registry from this runner?)";
  return new GantryError(`vulnerability scan impossible: ${cause}${trivySaid ? `. Trivy said: ${trivySaid}` : ""}`, {
    remedy: "give Trivy a database it can reach: set the db-repository input to a registry this runner can pull from (a mirror of ghcr.io/aquasecurity/trivy-db:2; Trivy's --db-repository), or point the cache-dir input (Trivy's --cache-dir) at a directory already holding db/trivy.db and db/metadata.json (e.g. restored from a CI cache or filled by `trivy image --download-db-only --cache-dir <dir>` where the network allows) and set offline: true. Or scan without vulnerabilities: scanners: secret,misconfig."
  });
}
async function runTrivy(trivy, scan2, runtime, args = trivyArgs(scan2)) {
  scan2.offline && (scan2.scanType === "config" || scan2.scanners.includes("misconfig")) && runtime.info("offline: misconfiguration checks come from the Trivy binary itself (Trivy logs 'Falling back to embedded checks')");
  let limitMs = (scan2.timeoutSeconds + 60) * 1e3, run = await execTool(trivy, args, {
    env: runtime.env,
    timeoutMs: limitMs,
    onStderrLine: (line) => {
      line.trim() && runtime.info(line);
    },
    onHeartbeat: (ms) => runtime.info(`trivy still scanning (${Math.round(ms / 1e3)}s of at most ${scan2.timeoutSeconds}s)`)
  });
  if (run.timedOut)
    throw new GantryError(`trivy ${scan2.scanType} did not finish within ${scan2.timeoutSeconds}s and was stopped`, {
      remedy: "raise the timeout input, or narrow the target."
    });
  if (run.code !== 0) throw trivyFailure(run.stderr, scan2);
}
function trivyFailure(stderr, scan2) {
  let fatal = lastFatalLine(stderr);
  return /skip-db-update cannot be specified on the first run|failed to download vulnerability DB|\bDB error/i.test(stderr.replace(/Java DB error/g, "")) ? missingVulnerabilityDb(scan2, fatal) : new GantryError(`trivy ${scan2.scanType} failed: ${fatal}`);
}
function lastFatalLine(stderr) {
  let lines = stderr.split(`
`), start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) /\bFATAL\b|Fatal error/.test(lines[i]) && (start = i);
  let text2 = (start >= 0 ? lines.slice(start) : lines.filter((l) => l.trim()).slice(-1)).map((l) => l.trim()).filter(Boolean).join(" ");
  return (text2.length > 600 ? `${text2.slice(0, 600)}\u2026` : text2) || "(no output)";
}

// src/stages/scan.ts
var DEFAULT_SCANNERS = { image: ["vuln", "secret"], fs: ["vuln", "secret"], config: ["misconfig"] }, existingPath = string2().check(_minLength(1), refine((path) => (0, import_node_fs4.existsSync)(path), "no such file or directory")), inputs = {
  "scan-type": input(_enum(SCAN_TYPES, { error: `must be one of ${SCAN_TYPES.join(", ")}` }), {
    description: "What to scan: image (an OCI or Docker archive, e.g. the build stage's oci-archive output), fs (a directory), config (Dockerfile, Kubernetes manifests, Terraform).",
    default: "image"
  }),
  target: input(existingPath, { description: "Path of the image archive, directory or configuration file/directory to scan." }),
  scanners: input(
    optional(
      pipe(
        string2(),
        transform((value, ctx) => {
          let names = [
            ...new Set(
              value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)
            )
          ], unknown = names.find((name) => !SCANNERS.includes(name));
          return unknown !== void 0 || names.length === 0 ? (ctx.issues.push({ code: "custom", input: value, message: `'${unknown ?? value}' is not a scanner (use ${SCANNERS.join(", ")})` }), NEVER) : names;
        })
      )
    ),
    { description: "Comma-separated scanners: vuln, secret, misconfig. Default: vuln,secret for image and fs; misconfig for config." }
  ),
  severity: input(
    pipe(
      string2(),
      transform((value, ctx) => {
        let parsed = parseSeveritySelection(value);
        return "error" in parsed ? (ctx.issues.push({ code: "custom", input: value, message: parsed.error }), NEVER) : parsed.severities;
      })
    ),
    {
      description: "Severities that fail the gate: one name is a threshold (HIGH = HIGH and CRITICAL), a comma-separated list is taken as is. Also filters the SARIF and JUnit reports.",
      default: "CRITICAL"
    }
  ),
  "ignore-unfixed": input(booleanString, {
    description: "Leave out vulnerabilities that have no fixed version yet (true or false).",
    default: "false"
  }),
  "ignore-file": input(optional(existingPath), {
    description: "Trivy ignore file (.trivyignore or .trivyignore.yaml). Default: .trivyignore in the working directory, else at the root of an fs/config target, when present."
  }),
  strategy: input(_enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(", ")}` }), {
    description: "What a finding at a gated severity does: fail (stop the pipeline), warn (continue with a warning), ignore (report only).",
    default: "fail"
  }),
  offline: input(booleanString, {
    description: "No network: use the vulnerability DB already in cache-dir (skip its update) and the misconfiguration checks built into Trivy (true or false).",
    default: "false"
  }),
  "cache-dir": input(optional(string2().check(_minLength(1))), {
    description: "Trivy's cache directory holding the vulnerability DB (Trivy's --cache-dir). Default: ~/.cache/trivy."
  }),
  "db-repository": input(
    optional(
      string2().check(_regex(/^[\w.-]+(:\d+)?(\/[\w.-]+)+(:[\w.-]+)?$/, "must be an OCI repository such as registry.example.com/trivy-db:2"))
    ),
    {
      description: "OCI repository to download the vulnerability DB from, e.g. a mirror of ghcr.io/aquasecurity/trivy-db:2 (Trivy's --db-repository)."
    }
  ),
  "trivy-path": input(optional(existingPath), {
    description: `Trivy binary to use; without it the first trivy on PATH. Either must be version ${TRIVY_VERSION}, else the tool cache's copy is used.`
  }),
  "tool-cache": input(string2().check(_minLength(1)), {
    description: `Where a Trivy ${TRIVY_VERSION} built by the stage is kept, by version.`,
    default: "~/.cache/gantry/tools"
  }),
  "output-dir": input(string2().check(_minLength(1)), {
    description: "Directory for the JSON, SARIF, JUnit and Markdown reports.",
    default: "trivy-reports"
  }),
  timeout: input(integerString(30, 7200), { description: "Longest a scan may take, in seconds (30-7200).", default: "600" }),
  "sbom-file": input(optional(string2().check(_minLength(1))), {
    description: "Also write a CycloneDX SBOM (JSON) of the image or directory to this path; Trivy makes it offline, with no vulnerability database. The push stage's sbom-file input attaches it to the image."
  })
}, scanStage = defineStage({
  name: "scan",
  description: `Scan an image archive, a directory or configuration files with Trivy ${TRIVY_VERSION} (pinned; built with go install into the tool cache when missing) and gate on severity. One JSON report yields SARIF, JUnit XML and a job-summary table. Strategy fail stops the pipeline on findings at the gated severities; warn lets it go on with a warning, and the CLI then exits with code ${3} so a Jenkins step (\`returnStatus: true\`) can mark the build UNSTABLE; ignore only reports.`,
  inputs,
  outputs: {
    critical: { description: "Number of CRITICAL findings (vulnerabilities, failed checks and secrets)." },
    high: { description: "Number of HIGH findings." },
    medium: { description: "Number of MEDIUM findings." },
    low: { description: "Number of LOW findings." },
    unknown: { description: "Number of findings of UNKNOWN severity." },
    gate: { description: "passed, failed or warned." },
    "json-report": { description: "Path of Trivy's JSON report (every severity)." },
    "sarif-report": { description: "Path of the SARIF report (gated severities only), for GitHub code scanning." },
    "junit-report": { description: "Path of the JUnit XML report (gated severities only), for Jenkins." },
    "summary-report": { description: "Path of the Markdown summary, also appended to the job summary." },
    "sbom-file": { description: "Path of the CycloneDX SBOM when sbom-file was given; empty otherwise." }
  },
  check: (input2) => {
    if (input2["scan-type"] === "config" && input2.scanners?.some((s) => s !== "misconfig"))
      return { input: "scanners", problem: "scan-type 'config' finds misconfigurations only; use scanners: misconfig, or scan-type fs" };
    if (input2["scan-type"] === "config" && input2["sbom-file"]) return { input: "sbom-file", problem: "an SBOM describes an image or a directory: use scan-type image or fs" };
  },
  run: scan
});
async function scan(input2, runtime) {
  let scanType = input2["scan-type"], scanners = input2.scanners ?? DEFAULT_SCANNERS[scanType], target = (0, import_node_path4.resolve)(input2.target), home = runtime.env.HOME ?? (0, import_node_os4.homedir)(), cacheDir = (0, import_node_path4.resolve)(expandHome(input2["cache-dir"] ?? (0, import_node_path4.join)(runtime.env.XDG_CACHE_HOME ?? (0, import_node_path4.join)(home, ".cache"), "trivy"), home)), outputDir = (0, import_node_path4.resolve)(input2["output-dir"]), ignoreFile = input2["ignore-file"] ? (0, import_node_path4.resolve)(input2["ignore-file"]) : defaultIgnoreFile(scanType, target), policy = { severities: input2.severity, strategy: input2.strategy };
  if (scanType !== "config" && scanners.includes("vuln") && input2.offline && !(0, import_node_fs4.existsSync)((0, import_node_path4.join)(cacheDir, "db", "trivy.db")))
    throw missingVulnerabilityDb({ cacheDir, offline: !0 });
  let trivy = await resolveTrivy({ trivyPath: input2["trivy-path"], toolCache: expandHome(input2["tool-cache"], home), runtime });
  runtime.info(`Trivy ${trivy.version} (${trivy.source}: ${trivy.path})`), await (0, import_promises7.mkdir)(outputDir, { recursive: !0 });
  let paths = {
    json: (0, import_node_path4.join)(outputDir, "trivy-report.json"),
    sarif: (0, import_node_path4.join)(outputDir, "trivy-report.sarif"),
    junit: (0, import_node_path4.join)(outputDir, "trivy-junit.xml"),
    summary: (0, import_node_path4.join)(outputDir, "trivy-summary.md")
  }, sbomFile = input2["sbom-file"] ? (0, import_node_path4.resolve)(input2["sbom-file"]) : void 0;
  for (let path of [...Object.values(paths), ...sbomFile ? [sbomFile] : []]) await (0, import_promises7.rm)(path, { force: !0 });
  let layout = scanType === "image" && (0, import_node_fs4.statSync)(target).isFile() && await isOciArchive(target) ? await unpackOciArchive(target) : void 0;
  layout && runtime.info(`${input2.target} is an OCI archive: unpacked to ${layout} for Trivy`);
  try {
    if (await runtime.group(
      `trivy ${scanType} ${input2.target} (scanners: ${scanType === "config" ? "misconfig" : scanners.join(",")})`,
      () => runTrivy(
        trivy.path,
        {
          scanType,
          target: layout ?? target,
          scanners,
          ignoreUnfixed: input2["ignore-unfixed"],
          ignoreFile,
          cacheDir,
          dbRepository: input2["db-repository"],
          offline: input2.offline,
          timeoutSeconds: input2.timeout,
          output: paths.json
        },
        runtime
      )
    ), sbomFile) {
      await (0, import_promises7.mkdir)((0, import_node_path4.dirname)(sbomFile), { recursive: !0 });
      let sbomScan = { scanType, target: layout ?? target, cacheDir, timeoutSeconds: input2.timeout };
      await runtime.group(
        `trivy ${scanType} ${input2.target}: CycloneDX SBOM`,
        () => runTrivy(trivy.path, { ...sbomScan, scanners: [], ignoreUnfixed: !1, offline: !0, output: sbomFile }, runtime, trivySbomArgs(sbomScan, sbomFile))
      ), layout && await (0, import_promises7.writeFile)(sbomFile, (await (0, import_promises7.readFile)(sbomFile, "utf8")).replaceAll(layout, target)), runtime.info(`CycloneDX SBOM written to ${sbomFile}`);
    }
  } finally {
    layout && await (0, import_promises7.rm)(layout, { recursive: !0, force: !0 });
  }
  layout && await (0, import_promises7.writeFile)(paths.json, (await (0, import_promises7.readFile)(paths.json, "utf8")).replaceAll(layout, target));
  let report2 = parseTrivyReport(await (0, import_promises7.readFile)(paths.json, "utf8"), paths.json);
  if (scanType !== "image") {
    let root = (0, import_node_fs4.statSync)(target).isDirectory() ? target : (0, import_node_path4.dirname)(target);
    for (let value of await secretValues(report2, root)) runtime.setSecret(value);
  }
  let verdict = evaluateGate(report2, policy), gated = filterReport(report2, policy.severities);
  await (0, import_promises7.writeFile)(paths.sarif, `${JSON.stringify(renderSarif(gated, { rootPath: scanType === "image" ? void 0 : target }), null, 2)}
`), await (0, import_promises7.writeFile)(paths.junit, renderJunit(gated));
  let summary = renderSummary(verdict, {
    scanType,
    target: input2.target,
    scanners: scanType === "config" ? ["misconfig"] : scanners,
    trivyVersion: report2.Trivy?.Version ?? trivy.version,
    policy,
    ignoreUnfixed: input2["ignore-unfixed"],
    ignoreFile
  });
  await (0, import_promises7.writeFile)(paths.summary, summary), await runtime.appendSummary(summary), logVerdict(verdict, policy.severities, runtime);
  let outputs = {
    critical: String(verdict.counts.CRITICAL),
    high: String(verdict.counts.HIGH),
    medium: String(verdict.counts.MEDIUM),
    low: String(verdict.counts.LOW),
    unknown: String(verdict.counts.UNKNOWN),
    gate: verdict.state,
    "json-report": paths.json,
    "sarif-report": paths.sarif,
    "junit-report": paths.junit,
    "summary-report": paths.summary,
    "sbom-file": sbomFile ?? ""
  }, headline = `${verdict.gated.length} finding(s) at ${policy.severities.join(", ")}`;
  if (verdict.state === "failed") {
    for (let [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    throw new GantryError(`scan gate failed: ${headline} in ${input2.target} (reports in ${outputDir})`, {
      remedy: "fix or upgrade what the summary lists, or accept a finding in the ignore file with a reason; strategy warn lets the pipeline continue."
    });
  }
  return verdict.state === "warned" ? runtime.markUnstable(`scan gate: ${headline}; continuing because strategy is warn`) : verdict.gated.length > 0 && runtime.info(`scan gate not enforced (strategy ignore): ${headline}`), outputs;
}
function logVerdict(verdict, severities, runtime) {
  let counts = Object.entries(verdict.counts).map(([severity2, n]) => `${severity2} ${String(n)}`).join(", ");
  runtime.info(`findings: ${counts}`);
  let shown = verdict.gated.slice(0, 20);
  for (let finding of shown) runtime.info(`  ${describeFinding(finding)}`);
  verdict.gated.length > shown.length && runtime.info(`  \u2026 and ${verdict.gated.length - shown.length} more at ${severities.join(", ")}`);
}
function defaultIgnoreFile(scanType, target) {
  let candidates = [(0, import_node_path4.resolve)(".trivyignore")];
  return scanType !== "image" && (0, import_node_fs4.existsSync)(target) && (0, import_node_fs4.statSync)(target).isDirectory() && candidates.push((0, import_node_path4.join)(target, ".trivyignore")), candidates.find((file) => (0, import_node_fs4.existsSync)(file));
}
function expandHome(path, home) {
  return path === "~" || path.startsWith("~/") ? (0, import_node_path4.join)(home, path.slice(1)) : path;
}

// src/actions/scan.ts
runAction(scanStage);
