"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap2;
    exports2.isNode = isNode;
    exports2.isPair = isPair2;
    exports2.isScalar = isScalar2;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit3;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit3.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit3 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit3.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar2 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar2.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar2.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar2.PLAIN = "PLAIN";
    Scalar2.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar2.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar2;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar2.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar2.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str3) => str3.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str3, indent, comment) => str3.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str3.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str3) => /^(%|---|\.\.\.)/m.test(str3);
    function lineLengthOverLimit(str3, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str3.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str3[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str3 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str3 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str3 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str3 += "\\0";
                    break;
                  case "0007":
                    str3 += "\\a";
                    break;
                  case "000b":
                    str3 += "\\v";
                    break;
                  case "001b":
                    str3 += "\\e";
                    break;
                  case "0085":
                    str3 += "\\N";
                    break;
                  case "00a0":
                    str3 += "\\_";
                    break;
                  case "2028":
                    str3 += "\\L";
                    break;
                  case "2029":
                    str3 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str3 += "\\x" + code.substr(2);
                    else
                      str3 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str3 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str3 += "\n";
                  i += 2;
                }
                str3 += indent;
                if (json[i + 2] === " ")
                  str3 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str3 = start ? str3 + json.slice(start) : json;
      return implicitKey ? str3 : foldFlowLines.foldFlowLines(str3, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar2.Scalar.BLOCK_FOLDED ? false : type === Scalar2.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar2.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar2.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str3 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str3);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str3 : foldFlowLines.foldFlowLines(str3, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar2.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar2.Scalar.BLOCK_FOLDED:
          case Scalar2.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar2.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str3 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str3;
      return identity.isScalar(node) || str3[0] === "{" || str3[0] === "[" ? `${props} ${str3}` : `${props}
${ctx.indent}${str3}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar2.Scalar.BLOCK_FOLDED || key.type === Scalar2.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str3 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str3.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str3 === "" ? "?" : explicitKey ? `? ${str3}` : str3;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str3 = `? ${str3}`;
        if (keyComment && !keyCommentDone) {
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str3;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
        str3 = `? ${str3}
${indent}:`;
      } else {
        str3 = `${str3}:`;
        if (keyComment)
          str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str3.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str3 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str3 += stringifyComment.lineComment(str3, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str3;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages2) {
      if (logLevel === "debug")
        console.log(...messages2);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar2.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar2.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str4 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str4 += stringifyComment.lineComment(str4, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str4);
      }
      let str3;
      if (lines.length === 0) {
        str3 = flowChars.start + flowChars.end;
      } else {
        str3 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str3 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str3 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str3;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str3 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str3.includes("\n"));
        if (i < items.length - 1) {
          str3 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str3.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str3 += ",";
          }
        }
        if (comment)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment));
        lines.push(str3);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str3 = start;
          for (const line of lines)
            str3 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str3}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    function findPair2(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair2(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar2.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair2(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair2(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair2(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair2;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar2.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str3) => str3,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar2.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar2.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str3) => new Scalar2.Scalar(str3[0] === "t" || str3[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format: format3, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format3 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str3) => str3.slice(-3).toLowerCase() === "nan" ? NaN : str3[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str3) => parseFloat(str3),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str3) {
        const node = new Scalar2.Scalar(parseFloat(str3));
        const dot = str3.indexOf(".");
        if (dot !== -1 && str3[str3.length - 1] === "0")
          node.minFractionDigits = str3.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str3, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str3) : parseInt(str3.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str3) => str3,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar2.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str3) => str3 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str3, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str3) : parseInt(str3, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str3) => parseFloat(str3),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str3, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str3)}`);
        return str3;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar2 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str3 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str3.length);
          for (let i = 0; i < str3.length; ++i)
            buffer[i] = str3.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str3;
        if (typeof node_buffer.Buffer === "function") {
          str3 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str3 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar2.Scalar.BLOCK_LITERAL);
        if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str3.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str3.substr(o, lineWidth);
          }
          str3 = lines.join(type === Scalar2.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str3 }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar2.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar2.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar2.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str3) => str3.slice(-3).toLowerCase() === "nan" ? NaN : str3[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str3) => parseFloat(str3.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str3) {
        const node = new Scalar2.Scalar(parseFloat(str3.replace(/_/g, "")));
        const dot = str3.indexOf(".");
        if (dot !== -1) {
          const f = str3.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str3, offset, radix, { intAsBigInt }) {
      const sign = str3[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str3 = str3.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str3 = `0b${str3}`;
            break;
          case 8:
            str3 = `0o${str3}`;
            break;
          case 16:
            str3 = `0x${str3}`;
            break;
        }
        const n2 = BigInt(str3);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str3, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str3 = value.toString(radix);
        return value < 0 ? "-" + prefix + str3.substr(1) : prefix + str3;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str3, _onError, opt) => intResolve(str3, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str3, asBigInt) {
      const sign = str3[0];
      const parts = sign === "-" || sign === "+" ? str3.substring(1) : str3;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str3, _onError, { intAsBigInt }) => parseSexagesimal(str3, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str3) => parseSexagesimal(str3, false),
      stringify: stringifySexagesimal
    };
    var timestamp2 = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str3) {
        const match = str3.match(timestamp2.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp2 = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp2.intTime,
      timestamp2.floatTime,
      timestamp2.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp2 = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp2.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp2.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp2.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp2.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar2.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar2.Scalar.BLOCK_FOLDED : Scalar2.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar2.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar2 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar2.Scalar.PLAIN;
          value = plainValue2(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue2(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar2.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar2.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit3.parentCollection = (cst, path) => {
      const parent = visit3.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports2.visit = visit3;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar2;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote3 = this.charAt(0);
        let end = this.buffer.indexOf(quote3, this.pos + 1);
        if (quote3 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse4(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse4;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit3 = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar2.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit3.visit;
    exports2.visitAsync = visit3.visitAsync;
  }
});

// src/cli/output/repeating.ts
var REMEMBER_FROM = 64;
var REMEMBER_LIMIT = 4096;
function rememberedEscape(escapeText) {
  const known = /* @__PURE__ */ new Map();
  return (text) => {
    if (text.length < REMEMBER_FROM) return escapeText(text);
    let escaped = known.get(text);
    if (escaped === void 0) {
      if (known.size >= REMEMBER_LIMIT) known.clear();
      escaped = escapeText(text);
      known.set(text, escaped);
    }
    return escaped;
  };
}
function splitsPair(parts) {
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1];
    const high = before.charCodeAt(before.length - 1);
    const low = parts[i].charCodeAt(0);
    if (high >= 55296 && high <= 56319 || low >= 56320 && low <= 57343) return true;
  }
  return false;
}

// src/cli/output/types.ts
function toText(stream) {
  return (report, options) => {
    const parts = [];
    stream(report, options, (text) => parts.push(text));
    return parts.join("");
  };
}

// src/cli/output/github.ts
var COMMAND = {
  error: "error",
  warning: "warning",
  info: "notice"
};
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotationPath(file) {
  let path = file.replace(/\\/g, "/");
  while (path.startsWith("./")) path = path.slice(2);
  return path;
}
function githubCommand(finding) {
  let props = "";
  if (finding.file !== "-") {
    props = `file=${escapedPath(finding.file)}`;
    if (finding.line > 0) {
      const endLine = Math.max(finding.line, finding.endLine);
      props += `,line=${finding.line},col=${Math.max(1, finding.column)},endLine=${endLine}`;
      if (endLine === finding.line && finding.endColumn > finding.column) props += `,endColumn=${finding.endColumn}`;
    }
    props += ",";
  }
  return `::${COMMAND[finding.severity]} ${props}title=${escapeProperty(`capdoctor ${finding.rule}`)}::${escapedMessage(finding.message)}`;
}
var lastFile;
var lastPath = "";
function escapedPath(file) {
  if (file !== lastFile) {
    lastPath = escapeProperty(annotationPath(file));
    lastFile = file;
  }
  return lastPath;
}
var escapedMessage = rememberedEscape(escapeData);
var writeGithub = (report, _options, write) => {
  for (const file of report.files) for (const finding of file.findings) write(`${githubCommand(finding)}
`);
  const { errors, warnings, infos, files } = report.summary;
  write(
    `capdoctor: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info${infos === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}
`
  );
};
var formatGithub = toText(writeGithub);

// src/cli/usage.ts
var USAGE = /* @__PURE__ */ Symbol.for("capdoctor.usage-error");
var UsageError = class extends Error {
  get [USAGE]() {
    return true;
  }
  static [Symbol.hasInstance](value) {
    return typeof value === "object" && value !== null && USAGE in value;
  }
};

// src/action/action.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = require("node:path");

// src/cli/config-file.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// src/util/append.ts
function append(to, items) {
  for (const item of items) to.push(item);
  return to;
}

// src/parse/depth.ts
var MAX_DEPTH = 256;
var TOO_DEEP = `the document nests deeper than ${MAX_DEPTH} levels, so it is not read`;
function isTooDeep(problem) {
  return problem.message === TOO_DEEP;
}
function tooDeep(at) {
  return {
    message: TOO_DEEP,
    start: at,
    end: at + 1
  };
}
function jsonTooDeepAt(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
function cstTooDeepAt(document) {
  const stack = [{ token: document, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { token, depth } = top;
    switch (token.type) {
      case "document":
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        if (depth + 1 > MAX_DEPTH) return token.offset;
        for (const item of token.items) {
          if (item.key) stack.push({ token: item.key, depth: depth + 1 });
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return -1;
}

// node_modules/jsonc-parser/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  ParseErrorCode: () => ParseErrorCode,
  ScanError: () => ScanError,
  SyntaxKind: () => SyntaxKind,
  applyEdits: () => applyEdits,
  createScanner: () => createScanner2,
  findNodeAtLocation: () => findNodeAtLocation2,
  findNodeAtOffset: () => findNodeAtOffset2,
  format: () => format2,
  getLocation: () => getLocation2,
  getNodePath: () => getNodePath2,
  getNodeValue: () => getNodeValue2,
  modify: () => modify,
  parse: () => parse2,
  parseTree: () => parseTree2,
  printParseErrorCode: () => printParseErrorCode,
  stripComments: () => stripComments2,
  visit: () => visit2
});

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text.length && text.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text, offset) {
  return "\r\n".indexOf(text.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function getLocation(text, position) {
  const segments = [];
  const earlyReturnException = new Object();
  let previousNode = void 0;
  const previousNodeInst = {
    value: {},
    offset: 0,
    length: 0,
    type: "object",
    parent: void 0
  };
  let isAtPropertyKey = false;
  function setPreviousNode(value, offset, length, type) {
    previousNodeInst.value = value;
    previousNodeInst.offset = offset;
    previousNodeInst.length = length;
    previousNodeInst.type = type;
    previousNodeInst.colonOffset = void 0;
    previousNode = previousNodeInst;
  }
  try {
    visit(text, {
      onObjectBegin: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        isAtPropertyKey = position > offset;
        segments.push("");
      },
      onObjectProperty: (name, offset, length) => {
        if (position < offset) {
          throw earlyReturnException;
        }
        setPreviousNode(name, offset, length, "property");
        segments[segments.length - 1] = name;
        if (position <= offset + length) {
          throw earlyReturnException;
        }
      },
      onObjectEnd: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.pop();
      },
      onArrayBegin: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.push(0);
      },
      onArrayEnd: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.pop();
      },
      onLiteralValue: (value, offset, length) => {
        if (position < offset) {
          throw earlyReturnException;
        }
        setPreviousNode(value, offset, length, getNodeType(value));
        if (position <= offset + length) {
          throw earlyReturnException;
        }
      },
      onSeparator: (sep3, offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        if (sep3 === ":" && previousNode && previousNode.type === "property") {
          previousNode.colonOffset = offset;
          isAtPropertyKey = false;
          previousNode = void 0;
        } else if (sep3 === ",") {
          const last = segments[segments.length - 1];
          if (typeof last === "number") {
            segments[segments.length - 1] = last + 1;
          } else {
            isAtPropertyKey = true;
            segments[segments.length - 1] = "";
          }
          previousNode = void 0;
        }
      }
    });
  } catch (e) {
    if (e !== earlyReturnException) {
      throw e;
    }
  }
  return {
    path: segments,
    previousNode,
    isAtPropertyKey,
    matches: (pattern) => {
      let k = 0;
      for (let i = 0; k < pattern.length && i < segments.length; i++) {
        if (pattern[k] === segments[i] || pattern[k] === "*") {
          k++;
        } else if (pattern[k] !== "**") {
          return false;
        }
      }
      return k === pattern.length;
    }
  };
}
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep3, offset, length) => {
      if (currentParent.type === "property") {
        if (sep3 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep3 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodePath(node) {
  if (!node.parent || !node.parent.children) {
    return [];
  }
  const path = getNodePath(node.parent);
  if (node.parent.type === "property") {
    const key = node.parent.children[0].value;
    path.push(key);
  } else if (node.parent.type === "array") {
    const index = node.parent.children.indexOf(node);
    if (index !== -1) {
      path.push(index);
    }
  }
  return path;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function contains(node, offset, includeRightBound = false) {
  return offset >= node.offset && offset < node.offset + node.length || includeRightBound && offset === node.offset + node.length;
}
function findNodeAtOffset(node, offset, includeRightBound = false) {
  if (contains(node, offset, includeRightBound)) {
    const children = node.children;
    if (Array.isArray(children)) {
      for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
        const item = findNodeAtOffset(children[i], offset, includeRightBound);
        if (item) {
          return item;
        }
      }
    }
    return node;
  }
  return void 0;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function stripComments(text, replaceCh) {
  let _scanner = createScanner(text), parts = [], kind, offset = 0, pos;
  do {
    pos = _scanner.getPosition();
    kind = _scanner.scan();
    switch (kind) {
      case 12:
      case 13:
      case 17:
        if (offset !== pos) {
          parts.push(text.substring(offset, pos));
        }
        if (replaceCh !== void 0) {
          parts.push(_scanner.getTokenValue().replace(/[^\r\n]/g, replaceCh));
        }
        offset = _scanner.getPosition();
        break;
    }
  } while (kind !== 17);
  return parts.join("");
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text, originalPath, value, options) {
  const path = originalPath.slice();
  const errors = [];
  const root = parseTree(text, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path.length > 0) {
    lastSegment = path.pop();
    parent = findNodeAtLocation(root, path);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit2;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit2 = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit2 = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit2 = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text, edit2, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit2;
      if (parent.children.length === 0) {
        edit2 = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit2 = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit2, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit2;
      if (parent.children.length === 1) {
        edit2 = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit2 = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit2 = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text, edit2, options);
    } else if (value !== void 0) {
      let edit2;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit2 = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit2 = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit2 = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit2, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text, edit2, options) {
  if (!options.formattingOptions) {
    return [edit2];
  }
  let newText = applyEdit(text, edit2);
  let begin = edit2.offset;
  let end = edit2.offset + edit2.content.length;
  if (edit2.length === 0 || edit2.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit3 = edits[i];
    newText = applyEdit(newText, edit3);
    begin = Math.min(begin, edit3.offset);
    end = Math.max(end, edit3.offset + edit3.length);
    end += edit3.content.length - edit3.length;
  }
  const editLength = text.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit2) {
  return text.substring(0, edit2.offset) + edit2.content + text.substring(edit2.offset + edit2.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var getLocation2 = getLocation;
var parse2 = parse;
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var findNodeAtOffset2 = findNodeAtOffset;
var getNodePath2 = getNodePath;
var getNodeValue2 = getNodeValue;
var visit2 = visit;
var stripComments2 = stripComments;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
function format2(documentText, range, options) {
  return format(documentText, range, options);
}
function modify(text, path, value, options) {
  return setProperty(text, path, value, options);
}
function applyEdits(text, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text = applyEdit(text, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text;
}

// src/parse/libs-static.ts
var Yaml = __toESM(require_dist());
var yamlLib = () => Yaml;
var jsoncLib = () => main_exports;

// src/parse/yaml-path.ts
function keyMatches(key, seg) {
  if (!yamlLib().isScalar(key)) return false;
  return typeof key.value === "symbol" ? key.value.description === seg : String(key.value) === seg;
}
function findPair(doc, map, seg, depth = 0) {
  const { isAlias: isAlias2, isMap: isMap2, isPair: isPair2, isSeq: isSeq2 } = yamlLib();
  if (!isMap2(map) || depth > 8) return void 0;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (isPair2(pair) && keyMatches(pair.key, seg)) {
      return { key: pair.key, value: pair.value ?? null, merged: depth > 0 };
    }
  }
  for (const pair of map.items) {
    if (!isPair2(pair) || !keyMatches(pair.key, "<<")) continue;
    const sources = isSeq2(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved2 = isAlias2(source) ? source.resolve(doc) : source;
      const found = resolved2 ? findPair(doc, resolved2, seg, depth + 1) : void 0;
      if (found) return found;
    }
  }
  return void 0;
}

// src/parse/yaml.ts
var MAX_ALIAS_COUNT = 1e3;
function parseYamlDocuments(text) {
  const { Composer, Parser } = yamlLib();
  const tooDeepAt = /* @__PURE__ */ new Map();
  let index = -1;
  function* guard(tokens) {
    for (const token of tokens) {
      if (token.type !== "document") {
        yield token;
        continue;
      }
      index++;
      const at = cstTooDeepAt(token);
      if (at < 0) yield token;
      else {
        tooDeepAt.set(index, at);
        yield { ...token, value: void 0 };
      }
    }
  }
  const composer = new Composer({ version: "1.1", uniqueKeys: false });
  const list = Array.from(composer.compose(guard(new Parser().parse(text))));
  return { list, tooDeep: tooDeepAt };
}
function parseYaml(text) {
  const documents = [];
  const problems2 = [];
  const { list, tooDeep: deep } = parseYamlDocuments(text);
  list.forEach((doc, index) => {
    const deepAt = deep.get(index);
    if (deepAt !== void 0) {
      problems2.push(tooDeep(deepAt));
      return;
    }
    const [error] = doc.errors;
    if (error) {
      problems2.push(toProblem(error.message, error.pos, text));
      return;
    }
    append(problems2, duplicateKeys(doc));
    let value;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error2) {
      const at = doc.contents?.range?.[0] ?? 0;
      problems2.push({ message: error2.message, start: at, end: at });
      return;
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    documents.push({ index, value, start, locate: (path) => locate(doc, path) });
  });
  return { documents, problems: problems2 };
}
function locateYaml(text) {
  const { list, tooDeep: deep } = parseYamlDocuments(text);
  const doc = list[0];
  if (!doc || doc.errors.length > 0 || deep.has(0)) return void 0;
  return { start: doc.contents?.range?.[0] ?? doc.range[0], locate: (path) => locate(doc, path) };
}
function toProblem(message, pos, text) {
  const first = message.split("\n")[0] ?? message;
  const start = Math.min(pos[0], text.length);
  return {
    message: first.replace(/ at line \d+, column \d+:?$/, ""),
    start,
    end: Math.min(Math.max(pos[1], start), text.length)
  };
}
function nodeRange(node) {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : void 0;
}
function locate(doc, path) {
  const { isAlias: isAlias2, isMap: isMap2, isSeq: isSeq2 } = yamlLib();
  let node = doc.contents;
  let best = nodeRange(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias2(node)) node = node.resolve(doc);
    if (typeof seg === "string" && node && isMap2(node)) {
      const pair = findPair(doc, node, seg);
      if (!pair) return best && { range: best, exact: false };
      const keyRange = nodeRange(pair.key);
      if (pair.value === null || pair.value.range == null) {
        return keyRange && { range: keyRange, exact: i === path.length - 1 };
      }
      node = pair.value;
      best = keyRange ?? best;
    } else if (typeof seg === "number" && node && isSeq2(node)) {
      const item = node.items[seg];
      if (!item) return best && { range: best, exact: false };
      node = item;
      best = nodeRange(item) ?? best;
    } else {
      return best && { range: best, exact: false };
    }
  }
  const range = nodeRange(node);
  return range ? { range, exact: true } : best && { range: best, exact: false };
}
function duplicateKeys(doc) {
  const problems2 = [];
  const { isScalar: isScalar2, visit: visit3 } = yamlLib();
  visit3(doc, {
    Map(_, map) {
      const seen = /* @__PURE__ */ new Set();
      for (const pair of map.items) {
        if (!isScalar2(pair.key) || typeof pair.key.value === "symbol") continue;
        const key = String(pair.key.value);
        const range = pair.key.range;
        if (seen.has(key) && range) {
          problems2.push({
            message: `duplicate key "${key}": the last value is used here; kubectl may refuse the file`,
            start: range[0],
            end: range[1],
            warning: true
          });
        }
        seen.add(key);
      }
    }
  });
  return problems2;
}

// src/core/lines.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  lineStarts() {
    if (!this.starts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
  position(offset) {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }
  /** The text of a 1-based line, without its line ending. */
  line(line) {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === void 0) return "";
    const next = starts[line];
    let end = next === void 0 ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
  searched;
  found = false;
  /** Whether the text holds `word` anywhere (remembered for the last word asked: most texts never hold it). */
  includes(word) {
    if (this.searched !== word) {
      this.found = this.source().includes(word);
      this.searched = word;
    }
    return this.found;
  }
  /** The text the offsets refer to (a subclass may hold it differently). */
  source() {
    return this.text;
  }
  get lineCount() {
    return this.lineStarts().length;
  }
};

// src/util/own-copy.ts
function ownCopy(text) {
  return ` ${text}`.slice(1);
}
var encoder = new TextEncoder();
var decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function flatCopy(text) {
  const room = text.length * 3;
  if (room > SCRATCH_MAX) return decoder.decode(encoder.encode(text));
  if (scratch.length < room) scratch = new Uint8Array(room);
  const { written } = encoder.encodeInto(text, scratch);
  return decoder.decode(scratch.subarray(0, written));
}
var SCRATCH_MAX = 3 * 1024 * 1024;
var scratch = new Uint8Array(0);

// src/core/path.ts
var IDENT = /^[A-Za-z_$][\w$-]*$/;
function formatPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
function isPrefix(prefix, path) {
  if (prefix.length > path.length) return false;
  return prefix.every((seg, i) => seg === path[i]);
}
var SCAN_LIMIT = 8;
var PrefixIndex = class {
  constructor(items) {
    this.items = items;
    if (items.length <= SCAN_LIMIT) return;
    const root = { items: [], children: /* @__PURE__ */ new Map() };
    items.forEach((item, order) => {
      let node = root;
      for (const seg of item.path) {
        let next = node.children.get(seg);
        if (!next) {
          next = { items: [], children: /* @__PURE__ */ new Map() };
          node.children.set(seg, next);
        }
        node = next;
      }
      node.items.push({ item, order });
    });
    this.root = root;
  }
  items;
  root;
  /** Every item whose path is a prefix of `path` (or equal to it), in the order they were given. */
  prefixesOf(path) {
    if (!this.root) return this.items.filter((item) => isPrefix(item.path, path));
    const found = [];
    let node = this.root;
    for (let i = 0; node; i++) {
      for (const entry of node.items) found.push(entry);
      if (i >= path.length) break;
      node = node.children.get(path[i]);
    }
    if (found.length < 2) return found.map((entry) => entry.item);
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.item);
  }
  /** The first item (in the order given) whose path is a prefix of `path`. */
  first(path) {
    return this.prefixesOf(path)[0];
  }
  /** The item with the longest path that is a prefix of `path` (the first given of those). */
  deepest(path) {
    let best;
    for (const item of this.prefixesOf(path)) if (!best || item.path.length > best.path.length) best = item;
    return best;
  }
};

// src/core/evidence.ts
function locateEvidence(ref, current, documents, lines) {
  const out = { text: ref.text, label: ref.label, path: formatPath(ref.path), line: 0, column: 0 };
  const holder = ref.document < 0 ? current : documents()[ref.document];
  const located = holder?.locate?.(ref.path);
  if (!located) return out;
  const start = lines.position(located.range.start);
  out.line = start.line;
  out.column = start.column;
  if (ref.line === void 0) return out;
  const first = lines.line(start.line).slice(start.column - 1);
  if (!/^[|>]/.test(first)) return out;
  const end = lines.position(located.range.end);
  const target = start.line + 1 + ref.line;
  if (target > end.line) return out;
  out.line = target;
  const text = lines.line(target);
  out.column = text.length - text.trimStart().length + 1;
  return out;
}

// src/core/explanation.ts
var EXPLANATION_PARTS = /* @__PURE__ */ Symbol("explanation parts");
function joinParts(parts) {
  let text = "";
  for (const part of parts) text += part;
  return text;
}
function setExplanationParts(finding, parts) {
  const text = joinParts(parts);
  finding.explanation = text;
  Object.defineProperty(finding, EXPLANATION_PARTS, { value: { text, parts } });
}
function explanationParts(finding) {
  const known = finding[EXPLANATION_PARTS];
  return known !== void 0 && known.text === finding.explanation ? known.parts : void 0;
}

// src/core/extract.ts
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var GROUPS = ["containers", "initContainers", "ephemeralContainers"];
var MAX_DEPTH2 = 64;
function str(value) {
  return typeof value === "string" ? value : void 0;
}
function annotationsOf(value) {
  const metadata = isMapping(value) ? value.metadata : void 0;
  const annotations = isMapping(metadata) ? metadata.annotations : void 0;
  const out = {};
  if (isMapping(annotations)) {
    for (const key of Object.keys(annotations)) {
      const v = annotations[key];
      if (typeof v === "string") out[key] = v;
    }
  }
  return out;
}
function collectObjects(value, path, out, depth = 0) {
  if (!isMapping(value) || depth > 8) return;
  const kind = str(value.kind);
  if (kind === void 0) return;
  if (kind.endsWith("List") && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      collectObjects(item, [...path, "items", i], out, depth + 1);
    });
    return;
  }
  const metadata = isMapping(value.metadata) ? value.metadata : {};
  const ref = { kind };
  const apiVersion = str(value.apiVersion);
  if (apiVersion !== void 0) ref.apiVersion = apiVersion;
  const namespace = str(metadata.namespace);
  if (namespace !== void 0) ref.namespace = namespace;
  const name = str(metadata.name) ?? str(metadata.generateName);
  if (name !== void 0) ref.name = name;
  out.push({ ref, path, value, annotations: annotationsOf(value) });
}
function listAt(owner, container, field, direction) {
  const value = container[field];
  if (!Array.isArray(value)) return;
  const path = [...owner.path, field];
  owner.lists.push({
    direction,
    field,
    path,
    entries: value.map((v, i) => ({ value: v, path: [...path, i] })),
    owner
  });
}
function isComposeFile(root) {
  const services = root.services;
  if (!isMapping(services)) return false;
  return Object.values(services).some(
    (s) => isMapping(s) && ("image" in s || "build" in s || "cap_add" in s || "cap_drop" in s)
  );
}
function samePath(a, b) {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
function extract(root) {
  const result = { objects: [], podSpecs: [], owners: [] };
  collectObjects(root, [], result.objects);
  let beforeWalk = 0;
  const claimed = (path) => result.owners.slice(0, beforeWalk).some((o) => samePath(o.path, path));
  const addOwner = (owner, mapping, fields) => {
    for (const [field, direction] of fields) listAt(owner, mapping, field, direction);
    result.owners.push(owner);
  };
  const objects = new PrefixIndex(result.objects);
  const objectAt = (path) => objects.deepest(path);
  for (const object of result.objects) {
    const kind = object.ref.kind;
    const spec2 = kind === "PodSecurityPolicy" ? object.value.spec : kind === "SecurityContextConstraints" ? object.value : void 0;
    if (!isMapping(spec2)) continue;
    const path = kind === "PodSecurityPolicy" ? [...object.path, "spec"] : object.path;
    const owner = { kind: kind === "PodSecurityPolicy" ? "psp" : "scc", path, object, lists: [] };
    addOwner(owner, spec2, [
      ["allowedCapabilities", "add"],
      ["defaultAddCapabilities", "add"],
      ["requiredDropCapabilities", "drop"]
    ]);
  }
  if (isMapping(root) && result.objects.length === 0 && isComposeFile(root)) {
    for (const [name, service] of Object.entries(root.services)) {
      if (!isMapping(service)) continue;
      const owner = {
        kind: "compose",
        path: ["services", name],
        lists: [],
        label: name,
        securityContext: service,
        securityContextPath: ["services", name]
      };
      addOwner(owner, service, [
        ["cap_add", "add"],
        ["cap_drop", "drop"]
      ]);
    }
  }
  const visitPodSpec = (spec2, path, parent) => {
    const object = objectAt(path);
    const podSpec = {
      path,
      value: spec2,
      annotations: { ...object?.annotations ?? {}, ...annotationsOf(parent) },
      containers: []
    };
    if (object) podSpec.object = object;
    result.podSpecs.push(podSpec);
    const podContext = spec2.securityContext;
    if (isMapping(podContext) && isMapping(podContext.capabilities)) {
      const owner = {
        kind: "pod",
        path: [...path, "securityContext", "capabilities"],
        podSpec,
        securityContext: podContext,
        securityContextPath: [...path, "securityContext"],
        lists: []
      };
      if (object) owner.object = object;
      addOwner(owner, podContext.capabilities, [
        ["add", "add"],
        ["drop", "drop"]
      ]);
    }
    for (const group of GROUPS) {
      const list = spec2[group];
      if (!Array.isArray(list)) continue;
      list.forEach((value, index) => {
        if (!isMapping(value)) return;
        const containerPath = [...path, group, index];
        const container = { group, path: containerPath, value, podSpec };
        const name = str(value.name);
        if (name !== void 0) container.name = name;
        const context = value.securityContext;
        if (isMapping(context)) container.securityContext = context;
        podSpec.containers.push(container);
        if (isMapping(context) && isMapping(context.capabilities)) {
          const owner = {
            kind: "container",
            path: [...containerPath, "securityContext", "capabilities"],
            container,
            podSpec,
            securityContext: context,
            securityContextPath: [...containerPath, "securityContext"],
            lists: []
          };
          if (object) owner.object = object;
          addOwner(owner, context.capabilities, [
            ["add", "add"],
            ["drop", "drop"]
          ]);
        }
      });
    }
  };
  const at = [];
  const walk2 = (value, parent) => {
    if (at.length > MAX_DEPTH2) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item !== "object" || item === null) continue;
        at.push(i);
        walk2(item, void 0);
        at.pop();
      }
      return;
    }
    const mapping = value;
    const containers = mapping.containers;
    if (Array.isArray(containers) && containers.some(isMapping)) {
      visitPodSpec(mapping, [...at], parent);
      return;
    }
    const caps = mapping.capabilities;
    if (isMapping(caps) && ("add" in caps || "drop" in caps)) {
      const path = [...at];
      const capsPath = [...path, "capabilities"];
      if (!claimed(capsPath)) {
        const inContext = path[path.length - 1] === "securityContext";
        const owner = { kind: inContext ? "security-context" : "values", path: capsPath, lists: [] };
        if (inContext) {
          owner.securityContext = mapping;
          owner.securityContextPath = path;
        }
        const object = objectAt(path);
        if (object) owner.object = object;
        addOwner(owner, caps, [
          ["add", "add"],
          ["drop", "drop"]
        ]);
      }
    }
    for (const k of Object.keys(mapping)) {
      const child = mapping[k];
      if (typeof child !== "object" || child === null) continue;
      if (k === "capabilities" && isMapping(child)) continue;
      at.push(k);
      walk2(child, mapping);
      at.pop();
    }
  };
  beforeWalk = result.owners.length;
  if (typeof root === "object" && root !== null) walk2(root, void 0);
  return result;
}

// src/core/message.ts
var MESSAGE_MAX = 160;
function composeMessage(parts, targets, fix3, suggestion) {
  const consequence2 = parts.consequence ?? (targets ? worstConsequence(targets) : void 0);
  const remedy = parts.remedy ?? remedyOf(fix3, suggestion);
  const join4 = (problem, c, r) => `${problem}${c ? ` \u2014 ${c}` : ""}${r ? `; ${r}` : ""}`;
  let message = join4(oneLine(parts.problem), consequence2 && oneLine(consequence2), remedy && oneLine(remedy));
  if (message.length <= MESSAGE_MAX) return message;
  const fewer = parts.consequence === void 0 && targets ? worstConsequence(targets, 1) : consequence2;
  message = join4(oneLine(parts.problem), fewer && oneLine(fewer), remedy && oneLine(remedy));
  if (message.length <= MESSAGE_MAX) return message;
  const tail = `${fewer ? ` \u2014 ${oneLine(fewer)}` : ""}${remedy ? `; ${oneLine(remedy)}` : ""}`;
  const room = MESSAGE_MAX - tail.length;
  if (room >= 40) return `${clip(oneLine(parts.problem), room)}${tail}`;
  return clip(message, MESSAGE_MAX);
}
function oneLine(text) {
  if (!MORE_THAN_A_SPACE.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32)
    return text;
  return text.replace(/\s+/g, " ").trim();
}
var MORE_THAN_A_SPACE = /[^\S ]|\s\s/;
function clip(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:\u2014-]+$/, "")}\u2026`;
}
function remedyOf(fix3, suggestion) {
  const chosen = fix3 ?? suggestion;
  if (!chosen) return void 0;
  const [edit2, ...rest] = chosen.edits;
  let words = chosen.description;
  if (edit2 && rest.length === 0) {
    if (edit2.kind === "replace-scalar") words = `write ${edit2.value}`;
    else if (edit2.kind === "remove-item") words = "remove this entry";
  }
  return fix3 ? words : `suggested: ${words}`;
}
var RANK = { rejected: 3, ignored: 2, unknown: 1, applied: 0 };
function outcomeWords(target) {
  switch (target.outcome) {
    case "rejected":
      return "fails";
    case "ignored":
      return target.list === "add" ? "not granted" : target.list === "drop" ? "not dropped" : target.list === "need" ? "not met" : "ignored";
    case "unknown":
      return "unknown";
    case "applied":
      return "works";
  }
}
function byStanding(targets) {
  const deciding2 = targets.filter((t) => t.legacy !== true);
  if (deciding2.length === 0) return { deciding: [...targets], context: [] };
  return { deciding: deciding2, context: targets.filter((t) => t.legacy === true) };
}
function worstConsequence(targets, maxNames = 2) {
  const known = targets[WORDS];
  const kept = known?.get(maxNames);
  if (kept !== void 0) return kept.words;
  const { deciding: deciding2, context } = byStanding(targets);
  const words = consequence(deciding2, maxNames, "") ?? consequence(context, maxNames, "end-of-life ");
  known?.set(maxNames, { words });
  return words;
}
function shareOutcomes(targets) {
  if (!Object.hasOwn(targets, WORDS)) Object.defineProperty(targets, WORDS, { value: /* @__PURE__ */ new Map() });
  return targets;
}
var WORDS = /* @__PURE__ */ Symbol("worst consequence");
function consequence(targets, maxNames, qualifier) {
  const worst = worstTargets(targets, maxNames);
  if (!worst) return void 0;
  const { first, where: where2 } = worst;
  const on = where2 === "every target" && qualifier ? `every ${qualifier}target` : `${qualifier}${where2}`;
  switch (first.outcome) {
    case "rejected":
      return `container fails on ${on}${first.status ? ` (${first.status})` : ""}`;
    case "ignored":
      return `${outcomeWords(first)} on ${on}`;
    default:
      return `outcome not known on ${on}`;
  }
}
function worstTargets(targets, maxNames = 2) {
  const worst = Math.max(0, ...targets.map((t) => RANK[t.outcome]));
  if (worst === 0) return void 0;
  const group = targets.filter((t) => RANK[t.outcome] === worst);
  return { first: group[0], where: where(group, targets, maxNames) };
}
function where(group, all, maxNames = 2) {
  if (group.length === all.length && all.length > 1) return "every target";
  const names2 = compactTargets(
    group.map((t) => t.target),
    all.map((t) => t.target)
  );
  return nameList(names2, maxNames);
}
function nameList(names2, max) {
  const shown4 = [];
  for (const name of names2) {
    const length = [...shown4, name].join(", ").length;
    if (shown4.length >= max || shown4.length > 0 && length > NAMES_ROOM) break;
    shown4.push(name);
  }
  const rest = names2.length - shown4.length;
  return rest > 0 ? `${shown4.join(", ")} +${rest} more` : shown4.join(", ");
}
var NAMES_ROOM = 40;
function span(label2) {
  let m = /^(\S+) (\d[\w.-]*)\u2013(\d[\w.-]*)$/.exec(label2);
  if (m) return { engine: m[1], from: m[2], to: m[3] };
  m = /^(\S+) (\d[\w.-]*)\+$/.exec(label2);
  if (m) return { engine: m[1], from: m[2] };
  m = /^(\S+) before (\d[\w.-]*)$/.exec(label2);
  if (m) return { engine: m[1], to: `<${m[2]}` };
  m = /^(\S+) (\d[\w.-]*)$/.exec(label2);
  if (m) return { engine: m[1], from: m[2], to: m[2] };
  return void 0;
}
function engineOf(label2) {
  return (label2.split(/[\s@]/)[0] ?? label2).toLowerCase();
}
function compactTargets(group, all) {
  const out = [];
  const engines = [...new Set(group.map(engineOf))];
  for (const engine of engines) {
    const members = group.filter((l) => engineOf(l) === engine);
    const everyOne = all.filter((l) => engineOf(l) === engine);
    const name = members[0]?.split(/[\s@]/)[0] ?? engine;
    if (everyOne.length > 1 && everyOne.every((l) => members.includes(l))) {
      out.push(name);
      continue;
    }
    let run = [];
    let runStart = -1;
    const flush = () => {
      if (run.length === 0) return;
      const first = run[0];
      const last = run[run.length - 1];
      const oldest = runStart === 0;
      const newest = runStart + run.length === everyOne.length;
      if (run.length === 1) out.push(everyOne[runStart]);
      else if (oldest && last.to && !last.to.startsWith("<")) out.push(`${first.engine} \u2264${last.to}`);
      else if (newest && first.from && !last.to) out.push(`${first.engine} \u2265${first.from}`);
      else out.push(`${first.engine} ${first.from ?? "\u2026"}\u2013${last.to ?? "\u2026"}`);
      run = [];
    };
    everyOne.forEach((label2, index) => {
      const s = members.includes(label2) ? span(label2) : void 0;
      if (!s) {
        flush();
        if (members.includes(label2)) out.push(label2);
        return;
      }
      if (run.length === 0) runStart = index;
      run.push(s);
    });
    flush();
  }
  return out;
}

// src/core/pss.ts
var PSS_LEVELS = ["baseline", "restricted"];
function isPssLevel(value) {
  return typeof value === "string" && PSS_LEVELS.includes(value);
}
function offByDefault(rule, pss) {
  if (!rule.meta.optIn) return false;
  const level = rule.meta.pssLevel;
  return !(level && pss && PSS_LEVELS.indexOf(pss) >= PSS_LEVELS.indexOf(level));
}

// src/core/lint-documents.ts
var PARSE_ERROR_RULE = "parse-error";
var IGNORE_ANNOTATION = "capdoctor.io/ignore";
var IGNORE_COMMENT = /#\s*capdoctor-ignore\b(.*)$/;
var NO_TEXT = new LineIndex("");
function lintParsed(file, text, parsed, options, lines = new LineIndex(text)) {
  const findings = parsed.problems.map((problem) => problemFinding(file, problem, lines));
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== void 0);
  const units = new Array(documents.length);
  const unitAt = (i) => {
    const document = documents[i];
    units[i] ??= { document, extracted: extract(document.value) };
    return units[i];
  };
  let views;
  const others = () => {
    views ??= documents.map((_, i) => {
      const u = unitAt(i);
      return { value: u.document.value, extracted: u.extracted, locate: (path) => u.document.locate(path) };
    });
    return views;
  };
  documents.forEach((_, i) => {
    append(findings, lintDocument(file, unitAt(i), others, lines, options));
  });
  findings.sort(byPosition);
  return {
    file,
    findings,
    documents: documents.length,
    parseErrors: parsed.problems.filter((p) => !p.warning).length
  };
}
function byPosition(a, b) {
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
function problemFinding(file, problem, lines) {
  const start = lines.position(problem.start);
  const end = lines.position(Math.max(problem.end, problem.start));
  return {
    rule: PARSE_ERROR_RULE,
    severity: problem.warning ? "warning" : "error",
    message: problem.message,
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.line === start.line && end.column === start.column ? start.column + 1 : end.column,
    path: "",
    range: { start: problem.start, end: problem.end }
  };
}
function lintDocument(file, unit, others, lines, options) {
  const out = [];
  const context = new DocumentContext(file, unit, others, lines, options.targets, out, options.pss);
  for (const { rule, setting } of enabledRules(options)) {
    context.rule = rule.meta.id;
    context.severity = setting;
    rule.check(context);
  }
  return out;
}
var DocumentContext = class {
  constructor(file, unit, others, lines, targets, out, pss) {
    this.file = file;
    this.unit = unit;
    this.others = others;
    this.lines = lines;
    this.targets = targets;
    this.out = out;
    this.pss = pss;
  }
  file;
  unit;
  others;
  lines;
  targets;
  out;
  pss;
  rule = "";
  severity = "error";
  get extracted() {
    return this.unit.extracted;
  }
  /**
   * The ignore comments of the lines searched so far: each line once, however many findings it has (a
   * long line with thousands of findings made this quadratic). Per document: a WeakMap per line index
   * kept each window of a stream out of V8's young generation.
   */
  comments;
  annotated;
  get documents() {
    return this.others();
  }
  // A finding keeps names read from its document (an object's, a container's); a name of 13 characters
  // or more read from the text is a slice of it, and would keep the whole document alive with the
  // finding. Findings get copies, made once per document.
  refs;
  names;
  ownRef(ref) {
    if (this.refs?.[0] === ref) return this.refs[1];
    const copy = {};
    for (const key of Object.keys(ref)) {
      const value = ref[key];
      copy[key] = typeof value === "string" ? ownCopy(value) : value;
    }
    this.refs = [ref, copy];
    return copy;
  }
  ownName(name) {
    if (this.names?.[0] !== name) this.names = [name, ownCopy(name)];
    return this.names[1];
  }
  report(report) {
    const { document, extracted } = this.unit;
    const { lines, others } = this;
    const located = document.locate(report.path);
    const range = located?.range ?? { start: document.start, end: document.start };
    const start = lines.position(range.start);
    let end = lines.position(range.end);
    if (end.line !== start.line) end = { line: start.line, column: lines.line(start.line).length + 1 };
    const finding = {
      rule: this.rule,
      severity: report.severity ?? this.severity,
      message: messageOf(report),
      explanation: void 0,
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: Math.max(end.column, start.column + 1),
      path: shared(formatPath(report.path)),
      range,
      document: document.index
    };
    const object = report.object ?? ownerAt(extracted, report.path)?.object?.ref;
    if (object) finding.object = this.ownRef(object);
    if (report.container !== void 0) finding.container = this.ownName(report.container);
    if (report.targets) finding.targets = report.targets;
    if (report.fix) finding.fix = sharedFix(report.fix);
    if (report.suggestion) finding.suggestion = sharedFix(report.suggestion);
    if (typeof report.explanation === "string") finding.explanation = shared(report.explanation);
    else setExplanationParts(finding, report.explanation);
    if (report.evidence) finding.evidence = report.evidence.map((e) => locateEvidence(e, document, others, lines));
    if (!suppressed(finding, report.path, extracted, lines, this)) this.out.push(finding);
  }
};
var texts = /* @__PURE__ */ new Map();
var TEXTS_LIMIT = 8192;
function shared(text) {
  const known = texts.get(text);
  if (known !== void 0) return known;
  if (texts.size >= TEXTS_LIMIT) texts.clear();
  texts.set(text, text);
  return text;
}
var messages = /* @__PURE__ */ new Map();
var messageCount = 0;
function messageOf(report) {
  const { consequence: consequence2, remedy, problem } = report;
  if (consequence2 === void 0 || remedy === void 0) {
    return shared(composeMessage(report, report.targets, report.fix, report.suggestion));
  }
  let byRemedy = messages.get(consequence2);
  if (byRemedy === void 0) {
    byRemedy = /* @__PURE__ */ new Map();
    messages.set(consequence2, byRemedy);
  }
  let byProblem = byRemedy.get(remedy);
  if (byProblem === void 0) {
    byProblem = /* @__PURE__ */ new Map();
    byRemedy.set(remedy, byProblem);
  }
  let message = byProblem.get(problem);
  if (message === void 0) {
    if (messageCount >= TEXTS_LIMIT) {
      messages.clear();
      messageCount = 0;
    }
    message = shared(composeMessage(report));
    byProblem.set(problem, message);
    messageCount++;
  }
  return message;
}
var fixes = /* @__PURE__ */ new Map();
function sharedFix(fix3) {
  const key = JSON.stringify([fix3.description, fix3.edits]);
  const known = fixes.get(key);
  if (known !== void 0) return known;
  if (fixes.size >= TEXTS_LIMIT) fixes.clear();
  fixes.set(key, fix3);
  return fix3;
}
var enabled = /* @__PURE__ */ new WeakMap();
function enabledRules(options) {
  const known = enabled.get(options);
  if (known) return known;
  const list = [];
  for (const rule of options.rules) {
    const setting = options.settings?.[rule.meta.id] ?? (offByDefault(rule, options.pss) ? "off" : rule.meta.severity);
    if (setting !== "off") list.push({ rule, setting });
  }
  enabled.set(options, list);
  return list;
}
var INDEX = /* @__PURE__ */ Symbol("extracted index");
function indexOf(extracted) {
  const held = extracted;
  let index = held[INDEX];
  if (!index) {
    index = {
      owners: new PrefixIndex(extracted.owners),
      objects: new PrefixIndex(extracted.objects),
      podSpecs: new PrefixIndex(extracted.podSpecs)
    };
    Object.defineProperty(held, INDEX, { value: index });
  }
  return index;
}
function ownerAt(extracted, path) {
  return indexOf(extracted).owners.first(path);
}
function listed(value, rule, emptyMeansAll) {
  if (value === void 0) return false;
  const ids = value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return emptyMeansAll;
  return ids.includes(rule) || ids.includes("all") || ids.includes("*");
}
function suppressed(finding, path, extracted, lines, memo) {
  memo.annotated ??= extracted.objects.some((o) => o.annotations[IGNORE_ANNOTATION] !== void 0) || extracted.podSpecs.some((p) => p.annotations[IGNORE_ANNOTATION] !== void 0);
  if (memo.annotated) {
    const index = indexOf(extracted);
    const annotationSources = [
      ...index.objects.prefixesOf(path).map((o) => o.annotations),
      ...index.podSpecs.prefixesOf(path).map((p) => p.annotations)
    ];
    if (annotationSources.some((a) => listed(a[IGNORE_ANNOTATION], finding.rule, false))) return true;
  }
  if (lines === NO_TEXT) return false;
  const same = ignoreComment(lines, finding.line, memo);
  if (same && listed(same.ids, finding.rule, true)) return true;
  const above = ignoreComment(lines, finding.line - 1, memo);
  return above?.wholeLine === true && listed(above.ids, finding.rule, true);
}
function ignoreComment(lines, line, memo) {
  if (!lines.includes("capdoctor-ignore")) return null;
  memo.comments ??= /* @__PURE__ */ new Map();
  const known = memo.comments;
  let found = known.get(line);
  if (found === void 0) {
    const text = lines.line(line);
    const match = text.includes("capdoctor-ignore") ? IGNORE_COMMENT.exec(text) : null;
    found = match ? { ids: match[1]?.trim() ?? "", wholeLine: /^\s*#/.test(text) } : null;
    known.set(line, found);
  }
  return found;
}

// src/core/config.ts
var ConfigError = class extends Error {
};
var SETTINGS = ["off", "info", "warning", "error"];
function ruleSettingProblem(id, knownRules, seeAlso = "") {
  if (id === PARSE_ERROR_RULE) return `"${id}" cannot be set: a file that cannot be read is always an error`;
  return knownRules.has(id) ? void 0 : `unknown rule "${id}"${seeAlso}`;
}
function parseConfig(text, file, knownRules, options = {}) {
  const parsed = parseYaml(text);
  const lines = new LineIndex(text);
  const problem = parsed.problems[0];
  if (problem) {
    const at = lines.position(problem.start);
    throw new ConfigError(`${file}:${at.line}:${at.column}: ${problem.message}`);
  }
  const document = parsed.documents[0];
  const value = document?.value ?? {};
  const fail = (path, message) => {
    const range = document?.locate(path)?.range;
    const at = range ? lines.position(range.start) : { line: 1, column: 1 };
    throw new ConfigError(`${file}:${at.line}:${at.column}: ${message}`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    fail([], "the configuration must be a mapping");
  const config = {};
  for (const [key, entry] of Object.entries(value)) {
    switch (key) {
      case "targets":
      case "ignore": {
        const list = typeof entry === "string" ? [entry] : entry;
        if (!Array.isArray(list) || !list.every((t) => typeof t === "string")) {
          fail([key], `"${key}" must be a list of strings`);
        }
        config[key] = list;
        if (key === "targets" && options.checkTarget) {
          for (const [i, target] of list.entries()) {
            try {
              options.checkTarget(target);
            } catch (error) {
              fail(typeof entry === "string" ? [key] : [key, i], error.message);
            }
          }
        }
        break;
      }
      case "rules": {
        if (typeof entry !== "object" || entry === null || Array.isArray(entry))
          fail([key], '"rules" must be a mapping');
        const rules = {};
        for (const [id, setting] of Object.entries(entry)) {
          const problem2 = ruleSettingProblem(id, knownRules);
          if (problem2) fail(["rules", id], problem2);
          const normalized = setting === false ? "off" : setting;
          if (!SETTINGS.includes(normalized)) {
            fail(["rules", id], `rule "${id}": expected one of ${SETTINGS.join(", ")}`);
          }
          rules[id] = normalized;
        }
        config.rules = rules;
        break;
      }
      case "pss":
        if (!isPssLevel(entry)) fail([key], `"pss" must be ${PSS_LEVELS.join(" or ")}`);
        config.pss = entry;
        break;
      default:
        fail([key], `unknown setting "${key}" (expected targets, rules, pss or ignore)`);
    }
  }
  return config;
}
function globToRegExp(pattern) {
  const anchored = pattern.startsWith("/");
  let glob = anchored ? pattern.slice(1) : pattern;
  if (glob.endsWith("/")) glob = `${glob}**`;
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else out += "[^/]*";
    } else if (ch === "?") out += "[^/]";
    else out += /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
  }
  const anywhere = !anchored && !glob.includes("/");
  return new RegExp(`^${anywhere ? "(?:.*/)?" : ""}${out}(?:/.*)?$`);
}

// src/knowledge/capabilities.ts
var CAPABILITY_SOURCES = [
  "torvalds/linux:include/uapi/linux/capability.h",
  "capabilities(7) man page (man7.org)"
];
var CAPABILITIES = [
  {
    number: 0,
    name: "CHOWN",
    kernel: "2.2",
    summary: "Change the owning user or group of any file, whoever owns it now.",
    risk: "low",
    scope: "container"
  },
  {
    number: 1,
    name: "DAC_OVERRIDE",
    kernel: "2.2",
    summary: "Read, write and execute files and directories in spite of their permission bits.",
    risk: "medium",
    scope: "container"
  },
  {
    number: 2,
    name: "DAC_READ_SEARCH",
    kernel: "2.2",
    summary: "Skip read checks on files and read/search checks on directories; permits open_by_handle_at(2).",
    risk: "near-root",
    scope: "host-escape",
    why: "open_by_handle_at lets a container open host files by handle (the 'shocker' breakout)."
  },
  {
    number: 3,
    name: "FOWNER",
    kernel: "2.2",
    summary: "Act as file owner where the kernel demands it: chmod, utimes, ACLs, xattrs, sticky-dir deletes.",
    risk: "low",
    scope: "container"
  },
  {
    number: 4,
    name: "FSETID",
    kernel: "2.2",
    summary: "Keep setuid/setgid bits when a file changes; set setgid for a group the process lacks.",
    risk: "low",
    scope: "container"
  },
  {
    number: 5,
    name: "KILL",
    kernel: "2.2",
    summary: "Signal processes that belong to other users (within the pod's PID namespace unless hostPID).",
    risk: "low",
    scope: "container"
  },
  {
    number: 6,
    name: "SETGID",
    kernel: "2.2",
    summary: "Switch to any group ID or supplementary groups, fake GIDs over Unix sockets, write gid_map.",
    risk: "low",
    scope: "container"
  },
  {
    number: 7,
    name: "SETUID",
    kernel: "2.2",
    summary: "Switch to any user ID, fake UIDs over Unix sockets, write uid_map.",
    risk: "low",
    scope: "container"
  },
  {
    number: 8,
    name: "SETPCAP",
    kernel: "2.2",
    summary: "Move bounding-set capabilities into the inheritable set, shrink the bounding set, set securebits.",
    risk: "medium",
    scope: "container"
  },
  {
    number: 9,
    name: "LINUX_IMMUTABLE",
    kernel: "2.2",
    summary: "Set or remove the immutable and append-only file attributes (chattr +i / +a).",
    risk: "medium",
    scope: "container"
  },
  {
    number: 10,
    name: "NET_BIND_SERVICE",
    kernel: "2.2",
    summary: "Bind to ports below 1024 (or below net.ipv4.ip_unprivileged_port_start).",
    risk: "low",
    scope: "container"
  },
  {
    number: 11,
    name: "NET_BROADCAST",
    kernel: "2.2",
    summary: "Meant for broadcast sockets and multicast listening; the kernel hardly checks it any more.",
    risk: "low",
    scope: "container"
  },
  {
    number: 12,
    name: "NET_ADMIN",
    kernel: "2.2",
    summary: "Configure networking: interfaces, addresses, routes, iptables/nftables, traffic control, TUN/TAP.",
    risk: "near-root",
    scope: "network-namespace",
    why: "With hostNetwork it rewrites the node's routes and firewall; otherwise it can hijack the pod's traffic."
  },
  {
    number: 13,
    name: "NET_RAW",
    kernel: "2.2",
    summary: "Open raw and packet sockets, and bind to foreign addresses for transparent proxies.",
    risk: "medium",
    scope: "network-namespace"
  },
  {
    number: 14,
    name: "IPC_LOCK",
    kernel: "2.2",
    summary: "Pin memory in RAM (mlock, mlockall, MAP_LOCKED, SHM_LOCK) past RLIMIT_MEMLOCK.",
    risk: "high",
    scope: "container",
    why: "Unbounded locked memory cannot be swapped or reclaimed, so it can exhaust the memory of the node."
  },
  {
    number: 15,
    name: "IPC_OWNER",
    kernel: "2.2",
    summary: "Ignore permissions on System V message queues, semaphores and shared-memory segments.",
    risk: "high",
    scope: "container",
    why: "Lets a process read or tamper with any System V IPC object it can reach, e.g. shared memory of others."
  },
  {
    number: 16,
    name: "SYS_MODULE",
    kernel: "2.2",
    summary: "Insert and remove kernel modules; change the usermode-helper capability bounding set.",
    risk: "near-root",
    scope: "host",
    why: "Loading a module runs attacker code inside the host kernel: a full node takeover."
  },
  {
    number: 17,
    name: "SYS_RAWIO",
    kernel: "2.2",
    summary: "Raw hardware access: iopl/ioperm, /dev/mem and /dev/kmem, raw SCSI commands, MSRs, FIBMAP.",
    risk: "near-root",
    scope: "host",
    why: "Direct access to physical memory, I/O ports and devices lets it read or patch the host kernel."
  },
  {
    number: 18,
    name: "SYS_CHROOT",
    kernel: "2.2",
    summary: "Call chroot(2) and switch mount namespace with setns(2).",
    risk: "low",
    scope: "container"
  },
  {
    number: 19,
    name: "SYS_PTRACE",
    kernel: "2.2",
    summary: "Trace any process with ptrace(2) and read other processes' memory (process_vm_readv, kcmp).",
    risk: "near-root",
    scope: "container",
    why: "Can inject code into and steal secrets from other processes; with hostPID that includes host processes."
  },
  {
    number: 20,
    name: "SYS_PACCT",
    kernel: "2.2",
    summary: "Switch BSD process accounting on or off with acct(2).",
    risk: "high",
    scope: "host",
    why: "Accounting is node-wide: it can hide activity from records or fill a disk with accounting data."
  },
  {
    number: 21,
    name: "SYS_ADMIN",
    kernel: "2.2",
    summary: "Catch-all admin rights: mounts, namespaces, hostname, swap, quotas, keyctl, many ioctls, and more.",
    risk: "near-root",
    scope: "host-escape",
    why: "The 'new root': mounts and cgroup/namespace tricks give well-known container escapes."
  },
  {
    number: 22,
    name: "SYS_BOOT",
    kernel: "2.2",
    summary: "Reboot the machine and load a replacement kernel with kexec_load(2).",
    risk: "near-root",
    scope: "host",
    why: "It can reboot the node at will or kexec into a kernel the attacker supplies."
  },
  {
    number: 23,
    name: "SYS_NICE",
    kernel: "2.2",
    summary: "Raise priority, use real-time scheduling, set CPU affinity and I/O class of others, move pages.",
    risk: "high",
    scope: "host",
    why: "Real-time or top-priority threads can starve every other workload on the node."
  },
  {
    number: 24,
    name: "SYS_RESOURCE",
    kernel: "2.2",
    summary: "Raise rlimits past the hard limit, bypass quotas and reserved space, lower oom_score_adj freely.",
    risk: "high",
    scope: "container",
    why: "Removes the per-process limits that stop one workload from exhausting node resources."
  },
  {
    number: 25,
    name: "SYS_TIME",
    kernel: "2.2",
    summary: "Set the system clock (settimeofday, clock_settime, adjtimex) and the hardware real-time clock.",
    risk: "high",
    scope: "host",
    why: "The realtime clock is not namespaced: changing it skews the whole node (TLS, logs, tokens)."
  },
  {
    number: 26,
    name: "SYS_TTY_CONFIG",
    kernel: "2.2",
    summary: "Call vhangup(2) and use privileged ioctls on virtual consoles.",
    risk: "high",
    scope: "host",
    why: "Can hang up or reconfigure the host's virtual terminals."
  },
  {
    number: 27,
    name: "MKNOD",
    kernel: "2.4",
    summary: "Create device nodes and other special files with mknod(2).",
    risk: "low",
    scope: "container"
  },
  {
    number: 28,
    name: "LEASE",
    kernel: "2.4",
    summary: "Place leases (fcntl F_SETLEASE) on files the process doesn't own.",
    risk: "medium",
    scope: "container"
  },
  {
    number: 29,
    name: "AUDIT_WRITE",
    kernel: "2.6.11",
    summary: "Append records to the kernel's audit log over netlink.",
    risk: "low",
    scope: "host"
  },
  {
    number: 30,
    name: "AUDIT_CONTROL",
    kernel: "2.6.11",
    summary: "Turn kernel auditing on or off, edit audit rules and query audit status.",
    risk: "high",
    scope: "host",
    why: "Can switch off or rewrite the node's audit trail to hide an attack."
  },
  {
    number: 31,
    name: "SETFCAP",
    kernel: "2.6.24",
    summary: "Put any capabilities on files (setcap); from 5.12 also needed to map uid 0 in a new user namespace.",
    risk: "medium",
    scope: "container"
  },
  {
    number: 32,
    name: "MAC_OVERRIDE",
    kernel: "2.6.25",
    summary: "Bypass mandatory access control checks (only Smack honours it).",
    risk: "near-root",
    scope: "host",
    why: "Defeats the mandatory access control policy that is meant to confine the container."
  },
  {
    number: 33,
    name: "MAC_ADMIN",
    kernel: "2.6.25",
    summary: "Change mandatory access control policy or state (Smack; AppArmor policy loads check it too).",
    risk: "near-root",
    scope: "host",
    why: "Can load or change LSM policy for the whole node, including the profile that confines itself."
  },
  {
    number: 34,
    name: "SYSLOG",
    kernel: "2.6.37",
    summary: "Privileged syslog(2): read or clear the kernel log buffer; see kernel pointers when kptr_restrict=1.",
    risk: "high",
    scope: "host",
    why: "Leaked kernel addresses defeat KASLR and make kernel exploits much easier."
  },
  {
    number: 35,
    name: "WAKE_ALARM",
    kernel: "3.0",
    summary: "Arm timers that wake a suspended machine (CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM).",
    risk: "medium",
    scope: "host"
  },
  {
    number: 36,
    name: "BLOCK_SUSPEND",
    kernel: "3.5",
    summary: "Prevent the system from suspending (EPOLLWAKEUP, /proc/sys/wake_lock).",
    risk: "medium",
    scope: "host"
  },
  {
    number: 37,
    name: "AUDIT_READ",
    kernel: "3.16",
    summary: "Receive audit events through a multicast netlink socket.",
    risk: "high",
    scope: "host",
    why: "Exposes the node's whole audit stream, including other tenants' activity."
  },
  {
    number: 38,
    name: "PERFMON",
    kernel: "5.8",
    summary: "Privileged performance monitoring (perf_event_open and related) without needing SYS_ADMIN.",
    risk: "near-root",
    scope: "host",
    why: "System-wide perf and tracing can observe every process on the node and leak kernel data."
  },
  {
    number: 39,
    name: "BPF",
    kernel: "5.8",
    summary: "Privileged BPF: all map types, BTF loading, advanced verifier features, reading program code.",
    risk: "near-root",
    scope: "host",
    why: "With PERFMON or NET_ADMIN it loads kernel BPF programs that can spy on or alter the whole node."
  },
  {
    number: 40,
    name: "CHECKPOINT_RESTORE",
    kernel: "5.9",
    summary: "Checkpoint/restore aids: pick PIDs (clone3 set_tid, ns_last_pid), read map_files, reset /proc/pid/exe.",
    risk: "high",
    scope: "container",
    why: "Can forge PIDs and rewrite a process's exe link, confusing tools that trust them."
  }
];
var CAPABILITY_BY_NAME = new Map(
  CAPABILITIES.map((cap) => [cap.name, cap])
);
function parseKernelVersion(text) {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return void 0;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}
function kernelHasCapability(cap, kernel) {
  const since = parseKernelVersion(cap.kernel);
  if (!since) return true;
  for (let i = 0; i < 3; i++) {
    const have = kernel[i] ?? 0;
    const need = since[i] ?? 0;
    if (have !== need) return have > need;
  }
  return true;
}

// src/knowledge/runtimes.ts
var DOCKER_DEFAULTS = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "MKNOD",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETFCAP",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL",
  "AUDIT_WRITE"
];
var CRIO_1_11_DEFAULTS = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL"
];
var CRIO_1_18_DEFAULTS = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "KILL"
];
var PODMAN_MINIMAL_DEFAULTS = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT"
];
var AUDIT_READ = 37;
var CHECKPOINT_RESTORE = 40;
var DOCKER_DEFAULT_SOURCES = [
  "moby/moby@v18.06.1-ce:oci/defaults.go",
  "moby/moby@v20.10.0:oci/caps/defaults.go",
  "moby/moby@docker-v29.0.0:daemon/pkg/oci/caps/defaults.go"
];
var DOCKER_BOUNDING_ONLY = {
  detail: "for a user that is not uid 0 Docker writes only the bounding set: the effective and permitted sets stay empty (18.04\u201323.0.6 and 24.0.0\u201324.0.5)",
  citations: [
    "moby/moby commit 15ff09395c (PR #36587), first in v18.04.0-ce",
    "moby/moby@v18.04.0-ce:daemon/oci_linux.go L252-273 setCapabilities",
    "moby/moby@v20.10.14:oci/oci.go SetCapabilities",
    "moby/moby@v24.0.5:oci/oci.go SetCapabilities",
    "moby/moby commit 3aef732e61 (PR #45511, first in v25.0.0; backports PR #46222 in v23.0.7 and PR #46221 in v24.0.6)",
    "moby/moby@v23.0.7:oci/oci.go SetCapabilities",
    "moby/moby@v24.0.6:oci/oci.go SetCapabilities"
  ]
};
var DOCKER_INHERITABLE = {
  detail: "Docker up to 20.10.13 also fills the inheritable set, so a file capability `+ei` works for a non-root program there; from 20.10.14 (CVE-2022-24769) only `+ep` does",
  citations: [
    "moby/moby@v18.06.1-ce:daemon/oci_linux.go setCapabilities",
    "moby/moby@v20.10.13:oci/oci.go SetCapabilities",
    "moby/moby@v20.10.14:oci/oci.go SetCapabilities"
  ]
};
var DOCKER_PRIVILEGED = {
  listsIgnored: true,
  detail: "Docker gives a privileged container every capability and does not apply add or drop",
  citations: [
    "moby/moby@4460acf0876fa7d3b7cd200bbc4287292dc4f10e:daemon/oci_linux.go setCapabilities",
    "moby/moby@941846a3390a57a4ec46437b6c5bb1edb95181d3:oci/caps/utils.go TweakCapabilities"
  ]
};
var DOCKER_PRIVILEGED_NAMES_CHECKED = {
  ...DOCKER_PRIVILEGED,
  namesChecked: true,
  namesCheckedCitations: [
    "moby/moby@v19.03.0:daemon/container.go L308-320 validateCapabilities",
    "moby/moby@v20.10.0:daemon/container.go L307-316 validateCapabilities",
    "moby/moby@docker-v29.0.0:daemon/container.go L331-340 validateCapabilities",
    "moby/moby@v18.09.0:daemon/oci.go L18-28 setCapabilities (before 19.03: privileged skips the lists, names unchecked)"
  ]
};
var CONTAINERD_PRIVILEGED = {
  listsIgnored: true,
  // Newer releases apply the lists and then WithPrivileged, which grants everything again.
  detail: "containerd gives a privileged container every capability, whatever add or drop say",
  citations: [
    "containerd/containerd@aa6418fadd19617eb5aa1182021bef65de022084:pkg/cri/server/container_create_linux.go",
    "containerd/containerd@01dc4ae36b7f03daaa7c07c27d3514eccfa0b839:internal/cri/server/container_create.go buildLinuxSpec"
  ]
};
var CRIO_PRIVILEGED = {
  listsIgnored: true,
  detail: "CRI-O sets a privileged container up with every capability and skips add and drop",
  citations: [
    "cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetPrivileges"
  ]
};
var CRIO_CONFLICT = {
  result: "drop-wins",
  detail: "CRI-O applies the drop list after the add list",
  citations: [
    "cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetupCapabilities"
  ]
};
var CRIO_NAMES = {
  naming: "normalize",
  all: "any-case"
};
var CRIO_INVALID_CAPABILITY = {
  action: "reject",
  status: "CreateContainerError",
  phase: "create",
  message: "invalid capability: {name}"
};
var CRIO_UNKNOWN_TO_ADD = {
  action: "reject",
  status: "CreateContainerError",
  phase: "create",
  message: 'unknown capability "{name}" to add'
};
var CRIO_FAILED_TO_DROP = {
  action: "reject",
  status: "CreateContainerError",
  phase: "create",
  message: "failed to drop cap {name} invalid capability: {name}"
};
var CRIO_UNAVAILABLE_DROP = {
  action: "ignore",
  note: "the kernel never grants it, so there is nothing to drop"
};
var CRIO_DROP_SOURCES = [
  "cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1): a failed drop is returned, no longer only logged",
  "cri-o/cri-o@v1.0.0:server/container_create.go L729-736",
  "cri-o/cri-o@v1.21.0:server/container_create.go L365-380",
  "cri-o/cri-o@v1.36.0:internal/factory/container/container.go SpecSetupCapabilities",
  "cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding",
  "field report on OpenShift: Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK"
];
var CRIO_OLD_GOCAPABILITY = [
  "cri-o/cri-o@v1.11.0:vendor.conf (syndtr/gocapability e7cb7fa)",
  'cri-o/cri-o@v1.20.9:go.mod (replace syndtr/gocapability => d98352740cb2, "pinning \u2026 until" runc commit 6dfbe9b807)',
  "cri-o/cri-o@v1.20.9:vendor/github.com/syndtr/gocapability/capability/enum.go (ends at CAP_AUDIT_READ)"
];
var CRIO_NEW_GOCAPABILITY = [
  "cri-o/cri-o@v1.21.0:go.mod (syndtr/gocapability 42c35b437635)",
  "cri-o/cri-o@v1.21.0:vendor/github.com/syndtr/gocapability/capability/enum.go (PERFMON, BPF, CHECKPOINT_RESTORE)"
];
var CRIO_DROP_ALL_FIX = {
  detail: "fixed in CRI-O 1.19.5, 1.21.1 and 1.22 (commit c52b85d6c6; backports 1e72afd358 and 2f4af82569); 1.20 never got it",
  citations: [
    "cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)",
    "cri-o/cri-o commit 2f4af82569 (first in v1.21.1)",
    "cri-o/cri-o commit 1e72afd358 (first in v1.19.5)",
    "cri-o/cri-o@v1.21.0:server/container_create_linux.go L363 (defaults appended to the add list)",
    "cri-o/cri-o@v1.21.1:server/container_create.go setupCapabilities (addAll, dropAll)"
  ]
};
var CRIO_AMBIENT = {
  defaults: true,
  detail: "CRI-O 1.0\u20131.9.11 and 1.10.0 also fill the ambient set (runtime-tools\u2019 defaults and every added name); commit 18b8d90299 (1.11.0, backported to 1.10.1 and 1.9.12) empties it",
  citations: [
    "cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go New (Ambient), AddProcessCapability",
    "cri-o/cri-o@v1.10.0:server/container_create.go L549-570 (AddProcessCapabilityAmbient)",
    "cri-o/cri-o commit 18b8d90299 (first in v1.11.0); backports e0d3814d97 (v1.10.1) and 336ec9833e (v1.9.12)",
    "cri-o/cri-o@v1.9.12:server/container_create.go L887-890"
  ]
};
var ENGINE_RANGES = [
  {
    engine: "docker",
    id: "docker-1.2",
    label: "Docker 1.2\u20131.10",
    since: "1.2",
    until: "1.11",
    naming: "bare",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: 'Unknown capability to add: "{input}"'
    },
    unknownDrop: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: 'Unknown capability drop: "{input}"'
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "unknown",
      detail: "not researched for Docker before 1.11",
      citations: []
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      "moby/moby@v1.2.0:daemon/execdriver/utils.go",
      "moby/moby@v1.10.0:daemon/execdriver/utils_unix.go",
      "moby/moby@v1.2.0:daemon/execdriver/native/template/default_template.go"
    ],
    uncertain: ["the highest capability these releases knew depends on the vendored capability list and the kernel"]
  },
  {
    engine: "docker",
    id: "docker-1.11",
    label: "Docker 1.11\u201318.09",
    since: "1.11",
    until: "19.03.0-beta1",
    naming: "prefix-always",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      // `CAP_` + the name as written: matching is case-insensitive, the quoted name is not upper-cased.
      message: 'linux spec capabilities: Unknown capability to add: "CAP_{input}"'
    },
    unknownDrop: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: 'linux spec capabilities: Unknown capability drop: "{input}"'
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "add-wins",
      detail: "Docker keeps the defaults that are not dropped and then appends the added names",
      citations: ["moby/moby@e2593239d949eee454935daea7a5fe025477322f:daemon/caps/utils.go TweakCapabilities"]
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      "moby/moby@v1.11.0:daemon/caps/utils_unix.go (commit 9c4570a958, PR #20662)",
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "moby/moby@v18.06.1-ce:daemon/oci_linux.go L755",
      "moby/moby@v18.06.1-ce:daemon/start.go L154",
      "kubernetes/kubernetes#33104",
      ...DOCKER_DEFAULT_SOURCES
    ],
    nonRoot: {
      boundingOnly: { releases: [{ since: "18.04" }], ...DOCKER_BOUNDING_ONLY },
      inheritable: { releases: [{}], ...DOCKER_INHERITABLE }
    },
    uncertain: [
      "the highest capability these releases knew depends on the vendored capability list and the kernel",
      "before 17.12 Docker wrote a single capability list (OCI spec before 1.0) that runc applied to every set: the inheritable set being filled there is inferred, not read"
    ],
    notes: [
      "the container is created, then fails at start, so the kubelet reports RunContainerError",
      "up to 18.03 Docker put the set in the effective and permitted sets for every user; from 18.04 only in the bounding set for a non-root user",
      "behind Kubernetes this is dockershim (Kubernetes \u22641.23) or cri-dockerd, which pass names through unchanged"
    ]
  },
  {
    engine: "docker",
    id: "docker-19.03",
    label: "Docker 19.03\u201320.10",
    since: "19.03.0-beta1",
    until: "22",
    naming: "normalize",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'invalid CapAdd: unknown capability: "{name}"'
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'invalid CapDrop: unknown capability: "{name}"'
    },
    // 20.10 deliberately stops at AUDIT_READ; 19.03's vendored list predates PERFMON/BPF/CHECKPOINT_RESTORE.
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "add-wins",
      detail: "Docker removes the dropped names from its defaults first and then appends the added ones",
      citations: ["moby/moby@v20.10.0:oci/caps/utils.go TweakCapabilities"]
    },
    privileged: DOCKER_PRIVILEGED_NAMES_CHECKED,
    citations: [
      "moby/moby commit 80d7bfd54d (PR #38380), first released in v19.03.0",
      "moby/moby@v19.03.0:oci/caps/utils.go L86-113",
      "moby/moby@v19.03.0:daemon/container.go L309-320",
      "moby/moby@v20.10.0:oci/caps/utils.go L13-30 (commit a38b96b8cd, PR #41563)",
      ...DOCKER_DEFAULT_SOURCES
    ],
    nonRoot: {
      boundingOnly: { releases: [{}], ...DOCKER_BOUNDING_ONLY },
      inheritable: { releases: [{ until: "20.10.14" }], ...DOCKER_INHERITABLE }
    },
    notes: ["names are checked when the container is created, so the kubelet reports CreateContainerError"]
  },
  {
    engine: "docker",
    id: "docker-23",
    label: "Docker 23+",
    since: "22",
    naming: "normalize",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'invalid CapAdd: unknown capability: "{name}"'
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'invalid CapDrop: unknown capability: "{name}"'
    },
    knownMax: CHECKPOINT_RESTORE,
    unavailable: {
      add: {
        action: "reject",
        status: "CreateContainerError",
        phase: "create",
        message: 'invalid CapAdd: capability not supported by your kernel or not available in the current environment: "{name}"'
      },
      drop: {
        action: "reject",
        status: "CreateContainerError",
        phase: "create",
        message: 'invalid CapDrop: capability not supported by your kernel or not available in the current environment: "{name}"'
      }
    },
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "add-wins",
      detail: "Docker removes the dropped names from its defaults first and then appends the added ones",
      citations: ["moby/moby@v23.0.0:oci/caps/utils.go TweakCapabilities"]
    },
    privileged: DOCKER_PRIVILEGED_NAMES_CHECKED,
    citations: [
      "moby/moby commit 485cf38d48 (PR #42933)",
      "moby/moby@v23.0.0:oci/caps/utils.go L56-78",
      "moby/moby@docker-v29.0.0:daemon/pkg/oci/caps/utils.go",
      ...DOCKER_DEFAULT_SOURCES
    ],
    nonRoot: {
      boundingOnly: {
        releases: [
          { since: "22", until: "23.0.7" },
          { since: "24.0.0", until: "24.0.6" }
        ],
        ...DOCKER_BOUNDING_ONLY
      }
    }
  },
  {
    engine: "containerd",
    id: "containerd-1.1",
    label: "containerd 1.1\u20131.2",
    since: "1.1",
    until: "1.3",
    naming: "prefix-always",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'failed to generate container "<id>" spec: failed to set capabilities &Capability{...}: invalid capability: {name}'
    },
    // runtime-tools checks the name after removing it (DropProcessCapability in v1.1,
    // DropProcessCapabilityBounding in v1.2) and the CRI plugin returns that error.
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: 'failed to generate container "<id>" spec: failed to set capabilities &Capability{...}: invalid capability: {name}'
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    nonRoot: {
      ambient: {
        releases: [{ since: "1.1.0", until: "1.1.1" }],
        defaults: false,
        detail: "containerd 1.1.0 (cri v1.0.0) adds each capability with runtime-tools\u2019 AddProcessCapability, which also puts it in the ambient set; cri commit 73d3ea18 (containerd 1.1.1) empties the ambient set again",
        citations: [
          "containerd/containerd@v1.1.0:vendor.conf (containerd/cri v1.0.0)",
          "containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability",
          "containerd/cri commit 73d3ea18 (first in v1.0.3, vendored by containerd v1.1.1)",
          "containerd/containerd@v1.1.1:vendor/github.com/containerd/cri/pkg/server/container_create.go L375-379"
        ]
      },
      inheritable: {
        releases: [{}],
        detail: "containerd before 1.5.11 and 1.6.2 also fills the inheritable set",
        citations: [
          "containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go addProcessRootCapability"
        ]
      }
    },
    conflict: {
      result: "drop-wins",
      detail: "containerd applies the drop list after the add list",
      citations: [
        "containerd/cri@9a674d16e4c52007b3ee11feea62cb4937dbd54c:pkg/server/container_create.go setOCICapabilities"
      ]
    },
    privileged: CONTAINERD_PRIVILEGED,
    citations: [
      "containerd/cri commit f247a081 (PR #71)",
      "containerd/cri@v1.0.0:pkg/server/container_create.go L370-373, L703-745",
      "containerd/cri@release/1.2:pkg/server/container_create.go L401-404, L826-866",
      "containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid",
      "containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapability (CapValid after the removal)",
      "containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding (CapValid after the removal)",
      "containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go L398-401, L790-850"
    ],
    notes: [
      "drop: [CAP_KILL] becomes CAP_CAP_KILL, which runtime-tools refuses: the container is not created",
      "the names come from the vendored gocapability (db04d3cc), which ends at AUDIT_READ"
    ]
  },
  {
    engine: "containerd",
    id: "containerd-1.3",
    label: "containerd 1.3+",
    since: "1.3",
    naming: "prefix-always",
    all: "any-case",
    unknownAdd: { action: "oci" },
    unknownDrop: { action: "ignore", note: "removing a name that is not in the list changes nothing" },
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "drop-wins",
      detail: "containerd applies the drop list after the add list",
      citations: [
        "containerd/containerd@030e9a19c859838539a4f7699bbb3f10be3d92f4:internal/cri/opts/spec_opts.go WithCapabilities"
      ]
    },
    privileged: CONTAINERD_PRIVILEGED,
    citations: [
      "containerd/cri@release/1.3:pkg/containerd/opts/spec.go L448-475",
      "containerd/containerd@v1.6.0:pkg/cri/opts/spec_linux.go L350-366",
      "containerd/containerd@v1.7.0:pkg/cri/opts/spec_opts.go L190-205",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235",
      "containerd/containerd@v2.0.0:pkg/oci/spec.go defaultUnixCaps",
      "containerd/containerd@v1.6.0:oci/spec_opts.go WithDroppedCapabilities, removeCap (a dropped name is not checked)"
    ],
    nonRoot: {
      inheritable: {
        releases: [{ until: "1.5.11" }, { since: "1.6", until: "1.6.2" }],
        detail: "containerd before 1.5.11 and 1.6.2 also fills the inheritable set (CVE-2022-24769)",
        citations: [
          "containerd/containerd@v1.5.10:oci/spec.go populateDefaultUnixSpec",
          "containerd/containerd@v1.5.11:oci/spec.go populateDefaultUnixSpec",
          "containerd/containerd@v1.6.2:oci/spec.go populateDefaultUnixSpec"
        ]
      }
    },
    notes: [
      "a start failure shows as RunContainerError while waiting, with StartError as the last termination reason",
      "measured with containerd 1.6.20 over CRI: CAP_SYS_RESOURCE became CAP_CAP_SYS_RESOURCE and the container started without it; drop CAP_KILL left KILL in place"
    ]
  },
  {
    engine: "crio",
    id: "crio-0",
    label: "CRI-O before 1.0",
    since: "0",
    until: "1.0.0-alpha.0",
    naming: "prefix-required",
    // runtime-tools upper-cases the name before it checks the prefix.
    prefixRequiredMessage: "capability {name} must start with CAP_",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: "Invalid capability: {name}"
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: "Invalid capability: {name}"
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: { result: "unknown", detail: "not researched for CRI-O before 1.0", citations: [] },
    privileged: { listsIgnored: "unknown", detail: "not researched", citations: [] },
    citations: [
      "cri-o/cri-o@v0.3:server/container_create.go L402-420",
      "cri-o/cri-o@v0.3:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability, DropProcessCapability",
      "cri-o/cri-o@v0.3:vendor/github.com/opencontainers/runtime-tools/validate/validate.go L620-640 CapValid"
    ],
    notes: ["both lists go to runtime-tools unchanged, which checks every name, in add and in drop"]
  },
  {
    engine: "crio",
    id: "crio-1.0",
    label: "CRI-O 1.0\u20131.9",
    since: "1.0.0-alpha.0",
    until: "1.10",
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    unknownDrop: CRIO_FAILED_TO_DROP,
    // HostSpecific generator: runtime-tools also checks add and drop against the kernel's last capability.
    unavailable: {
      add: { ...CRIO_INVALID_CAPABILITY, message: "{name} is not supported on the current host" },
      drop: {
        ...CRIO_FAILED_TO_DROP,
        message: "failed to drop cap {name} {name} is not supported on the current host"
      }
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "drop-wins",
      detail: "CRI-O applies the drop list after the add list",
      citations: ["cri-o/cri-o@v1.0.0:server/container_create.go L719-737"]
    },
    privileged: {
      listsIgnored: true,
      detail: "CRI-O sets a privileged container up with every capability and skips add and drop",
      citations: ["cri-o/cri-o@v1.0.0:server/container_create.go L687-691 (SetupPrivileged)"]
    },
    nonRoot: { ambient: { releases: [{ since: "1.0.0-alpha.0", until: "1.9.12" }], ...CRIO_AMBIENT } },
    citations: [
      "cri-o/cri-o commit 139b16bac2 (first in v1.0.0-alpha.0)",
      "cri-o/cri-o@v1.0.0:server/container_create.go L692-737",
      "cri-o/cri-o@v1.0.0:server/container_create.go L538-539 (generate.New, HostSpecific)",
      "cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go New (the 14 defaults)",
      "cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid",
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY
    ],
    notes: [
      "the defaults are runtime-tools\u2019 generator set (the same 14 as Docker); drop: [ALL] removes them",
      "the 1.0.0 alpha and beta pre-releases only logged a failed drop (at debug level); it fails the container from 1.0.0-rc1 on"
    ]
  },
  {
    engine: "crio",
    id: "crio-1.10",
    label: "CRI-O 1.10",
    since: "1.10",
    until: "1.11",
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: {
      add: { ...CRIO_INVALID_CAPABILITY, message: "{name} is not supported on the current host" },
      drop: CRIO_UNAVAILABLE_DROP
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "drop-wins",
      detail: "CRI-O applies the drop list after the add list",
      citations: ["cri-o/cri-o@v1.10.0:server/container_create.go L549-590 setupCapabilities"]
    },
    privileged: {
      listsIgnored: true,
      detail: "CRI-O sets a privileged container up with every capability and skips add and drop",
      citations: ["cri-o/cri-o@v1.10.0:server/container_create.go L946-948 (SetupPrivileged)"]
    },
    nonRoot: { ambient: { releases: [{ since: "1.10.0", until: "1.10.1" }], ...CRIO_AMBIENT } },
    citations: [
      "cri-o/cri-o@v1.10.0:server/container_create.go L494-590 setupCapabilities",
      "cri-o/cri-o@v1.10.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go (fdbc3d6: drops checked with CapValid(cp, false))",
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY
    ],
    notes: ["the defaults are runtime-tools\u2019 generator set (the same 14 as Docker); drop: [ALL] removes them"]
  },
  {
    engine: "crio",
    id: "crio-1.11",
    label: "CRI-O 1.11",
    since: "1.11",
    until: "1.12",
    ...CRIO_NAMES,
    // CRI-O checks an added name against its own list, cut at the node kernel's last capability,
    // before runtime-tools sees it: 1.11.0 and 1.11.1 skip a miss, 1.11.2 refuses it (PR #1708).
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownAddIn: {
      releases: [{ since: "1.11", until: "1.11.2" }],
      handling: {
        action: "ignore",
        note: "CRI-O 1.11.0 and 1.11.1 log a warning and create the container without it",
        message: 'invalid capability "{input}", skipping...'
      },
      detail: "CRI-O 1.11.0 and 1.11.1 skip an added name they do not know with a warning; 1.11.2 and later refuse it (cri-o/cri-o#1708)",
      citations: [
        "cri-o/cri-o@v1.11.0:server/container_create.go L562-572",
        "cri-o/cri-o@v1.11.1:server/container_create.go L562-572",
        "cri-o/cri-o@v1.11.0:server/utils.go L180-189 getOCICapabilitiesList (cut at the kernel\u2019s last capability)"
      ]
    },
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: {
      result: "drop-wins",
      detail: "CRI-O applies the drop list after the add list",
      citations: ["cri-o/cri-o@v1.11.0:server/container_create.go L507-605 setupCapabilities"]
    },
    privileged: {
      listsIgnored: true,
      detail: "CRI-O sets a privileged container up with every capability and skips add and drop",
      citations: ["cri-o/cri-o@v1.11.0:server/container_create.go L1015-1017 (SetupPrivileged)"]
    },
    citations: [
      "cri-o/cri-o PR #1708, commit 38de9320b7 (first in v1.11.2): an unknown added name is refused",
      "cri-o/cri-o@v1.11.2:server/container_create.go L567-575",
      "cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)",
      "cri-o/cri-o@v1.11.0:server/container_create.go L1025-1033 (defaults appended to the add list)",
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY
    ]
  },
  {
    engine: "crio",
    id: "crio-1.12",
    label: "CRI-O 1.12\u20131.17",
    since: "1.12",
    until: "1.18",
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: {
      result: "drop-wins",
      detail: "CRI-O applies the drop list after the add list",
      citations: ["cri-o/cri-o@v1.13.0:server/container_create.go L334-400 setupCapabilities"]
    },
    privileged: CRIO_PRIVILEGED,
    citations: [
      "cri-o/cri-o commit d2bcd76b42 (first in v1.12.0)",
      "cri-o/cri-o@v1.13.0:server/container_create.go L334-400",
      "cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)",
      "cri-o/cri-o@v1.17.0:pkg/config/config.go L103-115",
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY
    ],
    notes: ["the known list is cut at the node kernel\u2019s last capability"]
  },
  {
    engine: "crio",
    id: "crio-1.18",
    label: "CRI-O 1.18\u20131.20",
    since: "1.18",
    until: "1.21",
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_18_DEFAULTS,
    dropAllKeepsDefaults: [
      { since: "1.18", until: "1.19.5" },
      { since: "1.20", until: "1.21" }
    ],
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      "cri-o/cri-o commit 63b9f4ec98 (PR #3119)",
      "cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27",
      "cri-o/cri-o@v1.18.0:server/container_create.go L380-475 setupCapabilities",
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY
    ],
    notes: ["the known list is cut at the node kernel\u2019s last capability"]
  },
  {
    engine: "crio",
    id: "crio-1.21",
    label: "CRI-O 1.21",
    since: "1.21",
    until: "1.22",
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    dropAllKeepsDefaults: [{ since: "1.21", until: "1.21.1" }],
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      "cri-o/cri-o commit 63b9f4ec98 (PR #3119)",
      "cri-o/cri-o@v1.21.0:server/container_create.go L286-380 setupCapabilities",
      ...CRIO_DROP_SOURCES,
      ...CRIO_NEW_GOCAPABILITY
    ],
    notes: ["the known list is cut at the node kernel\u2019s last capability"]
  },
  {
    engine: "crio",
    id: "crio-1.22",
    label: "CRI-O 1.22+",
    since: "1.22",
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      "cri-o/cri-o commit 63b9f4ec98 (PR #3119)",
      "cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)",
      "cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27",
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790",
      ...CRIO_DROP_SOURCES,
      ...CRIO_NEW_GOCAPABILITY
    ],
    notes: [
      "drop: [ALL] removes the defaults from 1.22 on (commit c52b85d6c6)",
      "the known list is cut at the node kernel\u2019s last capability"
    ]
  },
  {
    engine: "podman",
    id: "podman-1",
    label: "Podman before 4.4",
    since: "1.0",
    until: "4.4",
    naming: "normalize",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    knownMax: CHECKPOINT_RESTORE,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "rejected",
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ["containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities"]
    },
    privileged: { listsIgnored: "unknown", detail: "not verified", citations: [] },
    citations: [
      "containers/common commit ca9bcc05",
      "containers/common@HEAD:pkg/capabilities/capabilities.go",
      "containers/common@v0.50.0:pkg/config/default.go",
      "containers/podman@v4.3.1:go.mod (containers/common v0.50.1: the 14 defaults)"
    ],
    notes: [
      'measured with Podman 4.3.1: CAP_CAP_SYS_RESOURCE was refused with `"CAP_CAP_SYS_RESOURCE": unknown capability`'
    ]
  },
  {
    engine: "podman",
    id: "podman-4.4.0",
    label: "Podman 4.4.0\u20134.4.2",
    since: "4.4",
    until: "4.4.3",
    naming: "normalize",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    knownMax: CHECKPOINT_RESTORE,
    // containers/common v0.51.0 also left SYS_CHROOT out; v0.51.1 (Podman 4.4.3) put it back.
    defaults: PODMAN_MINIMAL_DEFAULTS.filter((c) => c !== "SYS_CHROOT"),
    conflict: {
      result: "rejected",
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ["containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities"]
    },
    privileged: { listsIgnored: "unknown", detail: "not verified", citations: [] },
    citations: [
      "containers/common commit a3328f26 (first in v0.51.0)",
      "containers/podman@v4.4.0:go.mod (containers/common v0.51.0)",
      "containers/podman@v4.4.0:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (10, no SYS_CHROOT)",
      "containers/common@HEAD:pkg/capabilities/capabilities.go"
    ]
  },
  {
    engine: "podman",
    id: "podman-4.4",
    label: "Podman 4.4.3+",
    since: "4.4.3",
    naming: "normalize",
    all: "any-case",
    unknownAdd: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    unknownDrop: {
      action: "reject",
      status: "CreateContainerError",
      phase: "create",
      message: '"{name}": unknown capability'
    },
    knownMax: CHECKPOINT_RESTORE,
    defaults: PODMAN_MINIMAL_DEFAULTS,
    conflict: {
      result: "rejected",
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ["containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities"]
    },
    privileged: { listsIgnored: "unknown", detail: "not verified", citations: [] },
    citations: [
      "containers/podman@v4.4.3:go.mod (containers/common v0.51.1)",
      "containers/podman@v4.4.3:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (11)",
      "containers/podman@v5.6.0:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (11)",
      "containers/common@v0.60.0:pkg/config/default.go",
      "containers/common@HEAD:pkg/capabilities/capabilities.go"
    ]
  },
  {
    engine: "rkt",
    id: "rkt-1",
    label: "rkt (rktnetes)",
    since: "1.0",
    naming: "prefix-required",
    prefixRequiredMessage: "Failed to parse capability {input}.",
    all: "unknown",
    unknownAdd: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: "Failed to parse capability {input}."
    },
    unknownDrop: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: "Failed to parse capability {input}."
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: "rejected",
      detail: "rkt refuses any pod with both lists: cannot have both os/linux/capabilities-retain-set and os/linux/capabilities-remove-set",
      citations: ["rkt/rkt@v1.30.0:stage1/init/common/pod.go getAppCapabilities"]
    },
    privileged: { listsIgnored: "unknown", detail: "not researched", citations: [] },
    citations: [
      "kubernetes/kubernetes#33104",
      "rkt/rkt@v1.30.0:stage1/init/common/pod.go L537, L636-713",
      "rkt/rkt@v1.9.1:stage1/init/common/pod.go L970-1040"
    ],
    notes: [
      "add becomes a retain set that replaces the defaults: the container keeps only the listed capabilities",
      "rktnetes was removed from Kubernetes around 1.10/1.11"
    ],
    uncertain: ["case handling is inferred from systemd\u2019s case-insensitive name table"]
  }
];
var OCI_RANGES = [
  {
    runtime: "runc",
    id: "runc-old",
    label: "runc \u22641.0.0-rc92",
    until: "1.0.0-rc93",
    unknown: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: 'OCI runtime create failed: \u2026 unknown capability "{name}": unknown'
    },
    knownMax: AUDIT_READ,
    caseInsensitive: false,
    citations: [
      "opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70",
      "opencontainers/runc@v1.0.0-rc92:vendor/github.com/syndtr/gocapability/capability/enum.go (ends at CAP_AUDIT_READ)",
      "utkuozdemir/pv-migrate#165"
    ]
  },
  {
    runtime: "runc",
    id: "runc-rc93",
    label: "runc 1.0.0-rc93",
    since: "1.0.0-rc93",
    until: "1.0.0-rc94",
    unknown: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: 'OCI runtime create failed: \u2026 unknown capability "{name}": unknown'
    },
    // Its list is cut at the kernel's last capability (gocapability's CAP_LAST_CAP is read at start).
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: false,
    citations: [
      "opencontainers/runc@v1.0.0-rc93:libcontainer/capabilities/capabilities.go L17-25, L58-63",
      "opencontainers/runc commit 6dfbe9b807 (PERFMON, BPF, CHECKPOINT_RESTORE; first in v1.0.0-rc93)",
      "opencontainers/runc@v1.0.0-rc93:vendor/github.com/syndtr/gocapability/capability/enum.go"
    ]
  },
  {
    runtime: "runc",
    id: "runc-new",
    label: "runc \u22651.0.0-rc94",
    since: "1.0.0-rc94",
    unknown: {
      action: "ignore",
      note: "runc only logs `ignoring unknown or unavailable capabilities: [{name}]`, which the kubelet never shows"
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: false,
    citations: [
      "opencontainers/runc commit 5fb831a0f (PR #2854), first in v1.0.0-rc94",
      "opencontainers/runc@v1.0.0:libcontainer/capabilities/capabilities.go L37-61"
    ]
  },
  {
    runtime: "crun",
    id: "crun-old",
    label: "crun \u22640.18",
    until: "0.19",
    unknown: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: "unknown cap: `{name}`"
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: ["containers/crun@0.17:src/libcrun/linux.c L2435-2436"],
    uncertain: ["crun resolves names with libcap; which names it knows depends on the libcap it was built with"]
  },
  {
    runtime: "crun",
    id: "crun-mid",
    label: "crun 0.19\u20131.28",
    since: "0.19",
    until: "1.29",
    unknown: {
      action: "ignore",
      note: 'crun skips unknown names with the warning "unknown cap: `{name}`", printed only with --debug (from 1.17 also with --log-level=warning), which the kubelet never shows'
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: [
      "containers/crun commit 78aeac9f (first in 0.19)",
      "containers/crun@1.28:src/libcrun/linux.c L3489-3492 (libcrun_warning)",
      "containers/crun@0.19:src/crun.c L310-311 (--debug raises the verbosity to warnings)",
      "containers/crun commit 19b98930 (--log-level, first in 1.17)",
      "containers/crun@1.28:src/crun.c L228-233, L335-345"
    ]
  },
  {
    runtime: "crun",
    id: "crun-new",
    label: "crun \u22651.29",
    since: "1.29",
    unknown: {
      action: "reject",
      status: "RunContainerError",
      phase: "start",
      message: "unknown capability `{name}`"
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: [
      "containers/crun commit 2e822523",
      "containers/crun@1.29:NEWS",
      "containers/crun@1.29:src/libcrun/linux.c L4309-4310"
    ],
    uncertain: [
      "crun 1.29 is recent (tagged 2026-08-07); the return to a hard error has not been checked against a released build"
    ]
  }
];
var CONTAINERD_BUNDLED_RUNC = [
  {
    since: "1.3.0",
    until: "1.3.1",
    runc: "1.0.0-rc8",
    source: "containerd/containerd@v1.3.0:vendor.conf (rc8+, 3e425f80)"
  },
  { since: "1.3.1", until: "1.3.3", runc: "1.0.0-rc9", source: "containerd/containerd@v1.3.1:vendor.conf" },
  { since: "1.3.3", until: "1.4.0", runc: "1.0.0-rc10", source: "containerd/containerd@v1.3.3:vendor.conf" },
  { since: "1.4.0", until: "1.4.5", runc: "1.0.0-rc92", source: "containerd/containerd@v1.4.0:vendor.conf" },
  {
    since: "1.4.5",
    until: "1.4.6",
    runc: "1.0.0-rc94",
    source: "containerd/containerd@v1.4.5:script/setup/runc-version"
  },
  {
    since: "1.4.6",
    until: "1.4.7",
    runc: "1.0.0-rc95",
    source: "containerd/containerd@v1.4.6:script/setup/runc-version"
  },
  { since: "1.4.7", until: "1.4.9", runc: "1.0.0", source: "containerd/containerd@v1.4.7:script/setup/runc-version" },
  { since: "1.4.9", until: "1.4.10", runc: "1.0.1", source: "containerd/containerd@v1.4.9:script/setup/runc-version" },
  {
    since: "1.4.10",
    until: "1.4.13",
    runc: "1.0.2",
    source: "containerd/containerd@v1.4.10:script/setup/runc-version"
  },
  { since: "1.4.13", until: "1.5.0", runc: "1.0.3", source: "containerd/containerd@v1.4.13:script/setup/runc-version" },
  {
    since: "1.5.0",
    until: "1.5.1",
    runc: "1.0.0-rc93",
    source: "containerd/containerd@v1.5.0:script/setup/runc-version"
  },
  {
    since: "1.5.1",
    until: "1.5.2",
    runc: "1.0.0-rc94",
    source: "containerd/containerd@v1.5.1:script/setup/runc-version"
  },
  {
    since: "1.5.2",
    until: "1.5.3",
    runc: "1.0.0-rc95",
    source: "containerd/containerd@v1.5.2:script/setup/runc-version"
  },
  { since: "1.5.3", until: "1.5.5", runc: "1.0.0", source: "containerd/containerd@v1.5.3:script/setup/runc-version" },
  { since: "1.5.5", until: "1.5.6", runc: "1.0.1", source: "containerd/containerd@v1.5.5:script/setup/runc-version" },
  { since: "1.5.6", until: "1.5.9", runc: "1.0.2", source: "containerd/containerd@v1.5.6:script/setup/runc-version" },
  { since: "1.5.9", until: "1.5.12", runc: "1.0.3", source: "containerd/containerd@v1.5.9:script/setup/runc-version" },
  {
    since: "1.5.12",
    until: "1.5.14",
    runc: "1.1.2",
    source: "containerd/containerd@v1.5.12:script/setup/runc-version"
  },
  { since: "1.5.14", until: "1.6.0", runc: "1.1.4", source: "containerd/containerd@v1.5.14:script/setup/runc-version" },
  { since: "1.6.0", runc: "1.1.0", source: "containerd/containerd@v1.6.0:script/setup/runc-version" }
];
var ENGINE_NAMES = ["docker", "containerd", "crio", "podman", "rkt"];

// src/knowledge/versions.ts
var VERSION = /^v?(\d+(?:\.\d+){0,3})(?:[-.]?(alpha|beta|rc)\.?(\d+)?)?/i;
var PRE_RANK = { alpha: 0, beta: 1e3, rc: 2e3 };
function parseVersion(text) {
  const match = VERSION.exec(text.trim());
  if (!match?.[1]) return void 0;
  const parts = match[1].split(".").map((p) => Number.parseInt(p, 10));
  if (!match[2]) return { text, parts };
  const rank2 = (PRE_RANK[match[2].toLowerCase()] ?? 0) + Number.parseInt(match[3] ?? "0", 10);
  return { text, parts, pre: rank2 };
}
function compareVersions(a, b) {
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (a.pre === void 0 && b.pre === void 0) return 0;
  if (a.pre === void 0) return 1;
  if (b.pre === void 0) return -1;
  return a.pre - b.pre;
}
function inRange(version, since, until) {
  if (since !== void 0 && compareVersions(version, must(since)) < 0) return false;
  if (until !== void 0 && compareVersions(version, must(until)) >= 0) return false;
  return true;
}
function must(text) {
  const version = parseVersion(text);
  if (!version) throw new Error(`not a version: ${text}`);
  return version;
}
function releaseCoverage(version, releases) {
  if (releases === void 0 || releases === false) return "none";
  if (releases === true) return "all";
  if (version.parts.length >= 3 || version.pre !== void 0) {
    return releases.some((r) => inRange(version, r.since, r.until)) ? "all" : "none";
  }
  const low = { text: version.text, parts: [...version.parts] };
  const next = [...version.parts];
  while (next.length < 2) next.push(0);
  next[next.length - 1] = (next[next.length - 1] ?? 0) + 1;
  const high = { text: "", parts: next };
  let some = false;
  for (const r of releases) {
    const startsBefore = r.since === void 0 || compareVersions(low, must(r.since)) >= 0;
    const endsAfter = r.until === void 0 || compareVersions(high, must(r.until)) <= 0;
    if (startsBefore && endsAfter) return "all";
    const overlaps = (r.until === void 0 || compareVersions(low, must(r.until)) < 0) && (r.since === void 0 || compareVersions(high, must(r.since)) > 0);
    if (overlaps) some = true;
  }
  return some ? "some" : "none";
}

// src/knowledge/targets.ts
var TargetError = class extends Error {
};
var ALIASES = {
  docker: "docker",
  moby: "docker",
  dockershim: "dockershim",
  "cri-dockerd": "dockershim",
  containerd: "containerd",
  crio: "crio",
  "cri-o": "crio",
  podman: "podman",
  rkt: "rkt",
  runc: "runc",
  crun: "crun",
  k8s: "k8s",
  kubernetes: "k8s",
  kubelet: "k8s",
  kernel: "kernel",
  linux: "kernel"
};
var LATEST = {
  docker: "29.0",
  containerd: "2.2",
  crio: "1.36",
  podman: "5.6",
  rkt: "1.30",
  runc: "1.3",
  crun: "1.29"
};
var DOCKER_SUPPORT = [
  "moby/moby tags (docker-v29.7.2 of 2026-08-05 is the newest; no docker-v30 yet)",
  "https://endoflife.date/docker-engine"
];
var CONTAINERD_SUPPORT = [
  'containerd/containerd@301026e58c619e63d09c0ec411012e54c0124b03:RELEASES.md "Support horizon" (2.3 LTS until 2028-04-30; 2.0 extended until March 2027; 2.2 until 2026-11-06; 1.7 extended until September 2026; 1.5 ended 2023-02-28; 1.2 ended 2020-10-15)',
  "https://endoflife.date/containerd"
];
var CRIO_SUPPORT = [
  'cri-o/cri-o:README.md "Compatibility matrix" (a CRI-O minor is supported while the Kubernetes minor of the same number is)',
  "https://kubernetes.io/releases/ (the three newest Kubernetes minors are supported, about 14 months each)"
];
var PODMAN_SUPPORT = [
  "podman-container-tools/podman discussion #23352 (upstream fixes only the newest release)",
  "https://endoflife.date/podman"
];
var MATRIX = [
  {
    spec: "docker@29",
    support: "current",
    lines: "Docker Engine 29, the newest major (docker-v29.7.2 tagged 2026-08-05); Kubernetes reaches it through cri-dockerd",
    sources: DOCKER_SUPPORT
  },
  {
    spec: "containerd@2.3",
    support: "current",
    lines: "containerd 2.0 (extended support until March 2027), 2.3 (LTS until 2028-04-30) and newer, with the runc they ship (\u22651.1); 2.2 ended 2026-11-06, 1.7 in September 2026",
    sources: CONTAINERD_SUPPORT
  },
  {
    spec: "crio@1.36",
    support: "current",
    lines: "CRI-O 1.35\u20131.37, the lines of the supported Kubernetes minors",
    sources: CRIO_SUPPORT
  },
  {
    spec: "podman@5.6",
    support: "current",
    lines: "Podman 5.x (upstream fixes only the newest release)",
    sources: PODMAN_SUPPORT
  },
  {
    spec: "docker@1.10",
    support: "legacy",
    short: "Docker \u22641.10",
    lines: "Docker 1.2\u20131.10 (replaced by 1.11 in April 2016), end of life",
    sources: DOCKER_SUPPORT
  },
  {
    spec: "docker@18.09",
    support: "legacy",
    short: "Docker \u226418.09",
    lines: "Docker 1.11\u201318.09 (replaced by 19.03 in July 2019), end of life",
    sources: DOCKER_SUPPORT
  },
  {
    spec: "docker@20.10",
    support: "legacy",
    short: "Docker 19.03\u201320.10",
    lines: "Docker 19.03\u201320.10, end of life since 2023-12-10 (20.10 was the last)",
    sources: DOCKER_SUPPORT
  },
  {
    spec: "containerd@1.2",
    support: "legacy",
    short: "containerd \u22641.2",
    lines: "containerd 1.1\u20131.2, end of life since 2020-10-15",
    sources: CONTAINERD_SUPPORT
  },
  {
    spec: "containerd@1.5.0",
    support: "legacy",
    short: "containerd \u22641.5 with runc \u22641.0.0-rc93",
    lines: "containerd 1.3\u20131.5 with runc \u22641.0.0-rc93; containerd 1.5 ended 2023-02-28",
    sources: CONTAINERD_SUPPORT
  },
  {
    spec: "crio@1.17",
    support: "legacy",
    short: "CRI-O 1.12\u20131.17",
    lines: "CRI-O 1.12\u20131.17, end of life with Kubernetes 1.17 (2021-01-13)",
    sources: CRIO_SUPPORT
  },
  {
    spec: "podman@4.3",
    support: "legacy",
    short: "Podman <4.4",
    lines: "Podman before 4.4, ended upstream in 2023 (Debian 12 still ships 4.3.1 under LTS: name it with --target podman@4.3)",
    sources: PODMAN_SUPPORT
  }
];
var DEFAULT_MATRIX = MATRIX.map((p) => p.spec);
var CURRENT_MATRIX = MATRIX.filter((p) => p.support === "current").map((p) => p.spec);
var LEGACY_MATRIX = MATRIX.filter((p) => p.support === "legacy").map((p) => p.spec);
var ENGINE_ORDER = ["docker", "containerd", "crio", "podman"];
var engineOf2 = (spec2) => ENGINE_ORDER.indexOf(spec2.split("@")[0] ?? "");
var ALL_MATRIX = [...LEGACY_MATRIX, ...CURRENT_MATRIX].sort(
  (a, b) => engineOf2(a) - engineOf2(b)
);
var TARGET_SETS = {
  current: CURRENT_MATRIX,
  legacy: LEGACY_MATRIX,
  all: ALL_MATRIX
};
function knownTargetsHelp() {
  const engines = ENGINE_NAMES.map((name) => {
    const ranges = ENGINE_RANGES.filter((r) => r.engine === name).map((r) => r.label);
    return `  ${name}: ${ranges.join("; ")}`;
  });
  const oci = ["runc", "crun"].map(
    (name) => `  ${name}: ${OCI_RANGES.filter((r) => r.runtime === name).map((r) => r.label).join("; ")}`
  );
  return [
    "Known runtimes and version ranges:",
    ...engines,
    ...oci,
    "  dockershim, cri-dockerd: pass names to Docker unchanged (combine with docker@VERSION)",
    "Other facts: k8s@VERSION, kernel@VERSION",
    "Syntax: runtime@version joined by + for a runtime stack and , for other facts,",
    "  e.g. docker@18.06, containerd@1.7+runc@1.1, crio@1.25, k8s@1.13.2,docker@18.06,kernel@3.10"
  ].join("\n");
}
function parsePart(raw, whole) {
  const text = raw.trim();
  const match = /^([a-z][a-z0-9-]*)(?:(?:@|:\/\/)(.+))?$/i.exec(text);
  const name = match?.[1] ? ALIASES[match[1].toLowerCase()] : void 0;
  if (!match || !name) {
    throw new TargetError(`unknown target "${text}" in "${whole}".
${knownTargetsHelp()}`);
  }
  const versionText = match[2] ?? LATEST[name];
  if (versionText === void 0) {
    throw new TargetError(`target "${text}" needs a version, e.g. ${name}@1.25.
${knownTargetsHelp()}`);
  }
  const version = parseVersion(versionText);
  if (!version) throw new TargetError(`"${versionText}" is not a version in target "${whole}".`);
  return { name, version, text };
}
function findEngineRange(engine, version) {
  return ENGINE_RANGES.find((r) => r.engine === engine && inRange(version, r.since, r.until));
}
function findOciRange(runtime, version) {
  return OCI_RANGES.find((r) => r.runtime === runtime && inRange(version, r.since, r.until));
}
function bundledRunc(version) {
  const entries = CONTAINERD_BUNDLED_RUNC.filter((e) => releaseCoverage(version, [e]) !== "none");
  const ranges = new Set(entries.map((e) => findOciRange("runc", parseVersion(e.runc))));
  const range = ranges.size === 1 ? [...ranges][0] : void 0;
  if (!range) {
    return {
      note: `the runc that containerd ${version.text} ships with is not pinned down here; name it, e.g. +runc@1.1`
    };
  }
  const first = entries[0];
  const last = entries.at(-1);
  const runc = first === last ? first.runc : `${first.runc} to ${last.runc}`;
  const pinned = last.until ? `runc ${runc}` : `runc ${runc} or later`;
  const sources = entries.map((e) => e.source).join(", ");
  return {
    range,
    note: `${pinned} assumed, as containerd ${version.text} ships it (${sources}); name the node's runc with +runc@VERSION if it differs`
  };
}
function resolveTarget(text) {
  const parts = text.split(/[,+]/).filter((p) => p.trim() !== "").map((p) => parsePart(p, text));
  if (parts.length === 0) throw new TargetError(`empty target.
${knownTargetsHelp()}`);
  const target = { id: text.trim(), label: "" };
  let engineName;
  let shim = false;
  let oci;
  for (const part of parts) {
    switch (part.name) {
      case "k8s":
        target.kubernetes = part.version;
        break;
      case "kernel": {
        const kernel = parseKernelVersion(part.version.text);
        if (!kernel) throw new TargetError(`"${part.version.text}" is not a kernel version in "${text}".`);
        target.kernel = kernel;
        break;
      }
      case "dockershim":
        shim = true;
        break;
      case "runc":
      case "crun":
        if (oci) throw new TargetError(`target "${text}" names two OCI runtimes.`);
        oci = part;
        break;
      default: {
        if (engineName) throw new TargetError(`target "${text}" names two container engines; use one per target.`);
        engineName = part.name;
        const range = findEngineRange(engineName, part.version);
        if (!range) {
          throw new TargetError(`${part.text}: no facts for this ${engineName} version.
${knownTargetsHelp()}`);
        }
        target.engine = range;
        target.engineVersion = part.version;
      }
    }
  }
  if (shim && !target.engine) {
    throw new TargetError(`"${text}": dockershim and cri-dockerd pass names to Docker; add docker@VERSION.`);
  }
  if (shim && target.engine?.engine !== "docker") {
    throw new TargetError(`"${text}": dockershim and cri-dockerd run only with Docker.`);
  }
  if (oci) {
    if (!target.engine || target.engine.engine !== "containerd" && target.engine.engine !== "crio") {
      throw new TargetError(
        `"${text}": an OCI runtime matters only behind containerd or CRI-O (e.g. containerd@1.7+runc@1.1).`
      );
    }
    const range = findOciRange(oci.name, oci.version);
    if (!range) throw new TargetError(`${oci.text}: no facts for this version.
${knownTargetsHelp()}`);
    target.oci = range;
  } else if (target.engine?.engine === "containerd" && target.engine.id !== "containerd-1.1" && target.engineVersion) {
    const bundled = bundledRunc(target.engineVersion);
    if (bundled.range) target.oci = bundled.range;
    target.ociNote = bundled.note;
  }
  target.label = describeTarget(target);
  return target;
}
function describeTarget(target) {
  const parts = [];
  if (target.engine) {
    parts.push(target.oci ? `${target.engine.label} with ${target.oci.label}` : target.engine.label);
  }
  if (target.kubernetes) parts.push(`Kubernetes ${target.kubernetes.text}`);
  if (target.kernel) parts.push(`kernel ${target.kernel.join(".")}`);
  return parts.join(", ");
}
function matrixEntry(spec2, context) {
  const profile = MATRIX.find((p) => p.spec === spec2);
  const target = { ...resolveTarget(spec2), matrix: true };
  if (profile) target.support = profile.support;
  if (context) target.context = true;
  return target;
}
function defaultTargets() {
  return [...CURRENT_MATRIX.map((t) => matrixEntry(t, false)), ...LEGACY_MATRIX.map((t) => matrixEntry(t, true))];
}
function resolveTargets(texts3) {
  if (texts3.length === 0) return defaultTargets();
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (target) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    out.push(target);
  };
  for (const text of texts3) {
    const set = TARGET_SETS[text.trim().toLowerCase()];
    if (set) {
      for (const spec2 of set) push(matrixEntry(spec2, false));
      continue;
    }
    const target = resolveTarget(text);
    if (target.engine) {
      push(target);
      continue;
    }
    for (const entry of defaultTargets()) {
      const merged = { ...entry };
      if (target.kubernetes) merged.kubernetes = target.kubernetes;
      if (target.kernel) merged.kernel = target.kernel;
      merged.label = describeTarget(merged);
      merged.id = `${entry.id},${text}`;
      push(merged);
    }
  }
  return out;
}

// src/cli/config-file.ts
var CONFIG_NAMES = [".capdoctor.yaml", ".capdoctor.yml"];
function findConfig(start) {
  let dir = (0, import_node_path.resolve)(start);
  for (; ; ) {
    for (const name of CONFIG_NAMES) {
      const candidate = (0, import_node_path.join)(dir, name);
      if ((0, import_node_fs.existsSync)(candidate)) return candidate;
    }
    const parent = (0, import_node_path.dirname)(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function loadConfig(file, knownRules) {
  if (file === void 0) return { config: {}, ignored: () => false };
  const config = parseConfig((0, import_node_fs.readFileSync)(file, "utf8"), file, knownRules, { checkTarget: (t) => resolveTargets([t]) });
  const base = (0, import_node_path.dirname)((0, import_node_path.resolve)(file));
  const patterns = (config.ignore ?? []).map(globToRegExp);
  return {
    file,
    config,
    ignored(path) {
      if (path === "-" || patterns.length === 0) return false;
      const rel = (0, import_node_path.relative)(base, (0, import_node_path.resolve)(path)).split(import_node_path.sep).join("/");
      return patterns.some((p) => p.test(rel));
    }
  };
}

// src/cli/files.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");

// src/parse/json.ts
function parseJson(text) {
  const source = text.charCodeAt(0) === 65279 ? ` ${text.slice(1)}` : text;
  const deepAt = jsonTooDeepAt(source);
  if (deepAt >= 0) return { documents: [], problems: [tooDeep(deepAt)] };
  const errors = [];
  const { parseTree: parseTree3, printParseErrorCode: printParseErrorCode2 } = jsoncLib();
  const root = parseTree3(source, errors, { allowTrailingComma: false, disallowComments: true });
  const problems2 = errors.map((e) => ({
    message: `JSON: ${describe(printParseErrorCode2(e.error))}`,
    start: e.offset,
    end: e.offset + e.length
  }));
  if (root) findDuplicateKeys(root, problems2);
  if (problems2.some((p) => !p.warning) || !root) return { documents: [], problems: problems2 };
  return {
    documents: [{ index: 0, value: toValue(root), start: root.offset, locate: (path) => locate2(root, path) }],
    problems: problems2
  };
}
function describe(code) {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
function findDuplicateKeys(node, problems2) {
  if (node.type === "object") {
    const seen = /* @__PURE__ */ new Set();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        problems2.push({
          message: `JSON: duplicate key "${name}": the last value is used here; kubectl may refuse the file`,
          start: key.offset,
          end: key.offset + key.length,
          warning: true
        });
      }
      seen.add(name);
    }
  }
  for (const child of node.children ?? []) findDuplicateKeys(child, problems2);
}
function toValue(node) {
  switch (node.type) {
    case "object": {
      const out = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) {
          Object.defineProperty(out, String(key.value), {
            value: toValue(value),
            enumerable: true,
            writable: true,
            configurable: true
          });
        }
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
function jsonNodeAt(root, path) {
  let node = root;
  for (const seg of path) {
    if (!node) return void 0;
    if (node.type === "object" && typeof seg === "string") {
      const prop = node.children?.findLast((p) => p.children?.[0]?.value === seg);
      node = prop?.children?.[1];
    } else if (node.type === "array" && typeof seg === "number") {
      node = node.children?.[seg];
    } else return void 0;
  }
  return node;
}
function locate2(root, path) {
  const exact = jsonNodeAt(root, path);
  if (exact) return { range: { start: exact.offset, end: exact.offset + exact.length }, exact: true };
  let node = root;
  let best = { start: root.offset, end: root.offset + 1 };
  for (const seg of path) {
    if (!node) break;
    let next;
    if (node.type === "object" && typeof seg === "string") {
      const prop = node.children?.findLast((p) => p.children?.[0]?.value === seg);
      const key = prop?.children?.[0];
      if (key) best = { start: key.offset, end: key.offset + key.length };
      next = prop?.children?.[1];
    } else if (node.type === "array" && typeof seg === "number") {
      next = node.children?.[seg];
      if (next) best = { start: next.offset, end: next.offset + 1 };
    }
    if (!next) break;
    node = next;
  }
  return { range: best, exact: false };
}

// src/parse/index.ts
function parseSource(text, format3) {
  return parseJsonFirst(text, format3) ?? parseYaml(text);
}
function parseJsonFirst(text, format3) {
  if (format3 === "json") return parseJson(text);
  if (format3 === "auto" && /^\uFEFF?\s*[[{]/.test(text)) {
    const json = parseJson(text);
    if (json.problems.every((p) => p.warning) || json.problems.some(isTooDeep)) return json;
  }
  return void 0;
}

// src/parse/yaml11-scalar.ts
var NULL = ["", "~", "null", "Null", "NULL"];
var TRUE = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
var FALSE = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
var WORDS2 = new Map([
  ...NULL.map((w) => [w, null]),
  ...TRUE.map((w) => [w, true]),
  ...FALSE.map((w) => [w, false])
]);
var BINARY = /^([-+]?)0b([01_]+)$/;
var OCTAL = /^([-+]?)0([0-7_]+)$/;
var DECIMAL = /^([-+]?)([0-9][0-9_]*)$/;
var HEX = /^([-+]?)0x([0-9a-fA-F_]+)$/;
var INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
var EXPONENT = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
var FIXED = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
var SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
var TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]+))?(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;
function mayResolvePlain11(source) {
  const c = source.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  switch (c) {
    case 43:
    // +
    case 45:
    // -
    case 46:
    // .
    case 126:
    // ~
    case 69:
    // E, e: exponent floats without digits before them
    case 101:
    case 70:
    // F, f: false
    case 102:
    case 78:
    // N, n: null, no
    case 110:
    case 79:
    // O, o: on, off
    case 111:
    case 84:
    // T, t: true
    case 116:
    case 89:
    // Y, y: yes
    case 121:
      return true;
    default:
      return Number.isNaN(c);
  }
}
function integer(sign, digits, radix) {
  const n = Number.parseInt((digits ?? "").replaceAll("_", ""), radix);
  return sign === "-" ? -n : n;
}
function sexagesimal(source) {
  const negative2 = source[0] === "-";
  const body = negative2 || source[0] === "+" ? source.slice(1) : source;
  let n = 0;
  for (const part of body.replaceAll("_", "").split(":")) n = n * 60 + Number(part);
  return negative2 ? -n : n;
}
function timestamp(match) {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const ms = fraction ? Number(`${fraction}00`.slice(0, 3)) : 0;
  let time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    ms
  );
  if (zone && zone !== "Z") {
    let minutes = sexagesimal(zone);
    if (Math.abs(minutes) < 30) minutes *= 60;
    time -= 6e4 * minutes;
  }
  return new Date(time);
}
function resolvePlain11(source) {
  const c = source.charCodeAt(0);
  if (c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46) return numberOrTimestamp(source);
  if (!mayResolvePlain11(source)) return source;
  if (source.length <= 5) {
    const word = WORDS2.get(source);
    if (word !== void 0) return word;
  }
  if ((c === 69 || c === 101) && EXPONENT.test(source)) return Number.parseFloat(source.replaceAll("_", ""));
  return source;
}
function numberOrTimestamp(source) {
  let match = BINARY.exec(source);
  if (match) return integer(match[1], match[2], 2);
  match = OCTAL.exec(source);
  if (match) return integer(match[1], match[2], 8);
  match = DECIMAL.exec(source);
  if (match) return integer(match[1], match[2], 10);
  match = HEX.exec(source);
  if (match) return integer(match[1], match[2], 16);
  if (INFINITY_OR_NAN.test(source)) {
    if (source.endsWith("nan") || source.endsWith("NaN") || source.endsWith("NAN")) return Number.NaN;
    return source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(source) || FIXED.test(source)) return Number.parseFloat(source.replaceAll("_", ""));
  if (SEXAGESIMAL.test(source)) return sexagesimal(source);
  match = TIMESTAMP.exec(source);
  if (match) return timestamp(match);
  return source;
}

// src/parse/fast.ts
var LF = 10;
var SPACE = 32;
var HASH = 35;
function isMarker(text, at, char) {
  if (text.charCodeAt(at) !== char || text.charCodeAt(at + 1) !== char || text.charCodeAt(at + 2) !== char) {
    return false;
  }
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === LF || next === SPACE || next === 13 || next === 9;
}
var DocumentSplitter = class {
  index;
  open;
  pending;
  /** Lines scanned so far, and the line (counted from 0) of `open.start` and of `pending`. */
  lines = 0;
  openLine = 0;
  pendingLine = 0;
  /** Directives or a byte-order mark: left to the precise parser. */
  unsupported = false;
  constructor(start = 0, firstIndex = 0) {
    this.pending = start;
    this.index = firstIndex;
  }
  /** Offset before which the text is no longer needed: the start of the open (or next) document. */
  get keepFrom() {
    return this.open ? this.open.start : this.pending;
  }
  /** The line of `keepFrom`, counted from 0 at the splitter's start (a streamed input's lines are counted once). */
  get keepFromLine() {
    return this.open ? this.openLine : this.pendingLine;
  }
  get openChunk() {
    return this.open;
  }
  /** Scans the lines in [from, to) (`to` at a line start or the end of input); returns the documents they close. */
  scan(text, base, from, to) {
    const chunks = [];
    if (from === 0 && text.charCodeAt(0) === 65279) this.unsupported = true;
    let line = from - base;
    const limit = to - base;
    while (line < limit) {
      let eol = text.indexOf("\n", line);
      if (eol < 0 || eol >= limit) eol = limit;
      const next = eol < limit ? eol + 1 : limit;
      const first = text.charCodeAt(line);
      if (first === 45 && isMarker(text, line, 45)) {
        if (this.open) chunks.push({ ...this.open, end: line + base, markerEnd: next + base });
        const rest = restOfMarkerLine(text, line + 3, eol);
        this.open = { index: this.index++, start: line + base, contentStart: next + base, precise: !rest };
        this.openLine = this.lines;
      } else if (first === 46 && isMarker(text, line, 46)) {
        if (this.open) chunks.push({ ...this.open, end: line + base, markerEnd: next + base });
        else this.index++;
        if (!restOfMarkerLine(text, line + 3, eol)) this.unsupported = true;
        this.open = void 0;
        this.pending = next + base;
        this.pendingLine = this.lines + 1;
      } else if (first === 37 && !this.open) {
        this.unsupported = true;
      } else if (!this.open && !isBlankOrComment(text, line, eol)) {
        this.open = { index: this.index++, start: this.pending, contentStart: this.pending, precise: false };
        this.openLine = this.pendingLine;
      }
      this.lines++;
      line = next;
    }
    return chunks;
  }
  /** Closes the open document at the end of the input. */
  finish(end) {
    const open = this.open;
    this.open = void 0;
    return open ? [{ ...open, end, markerEnd: end }] : [];
  }
};
function splitDocuments(text) {
  const splitter = new DocumentSplitter();
  const chunks = [...splitter.scan(text, 0, 0, text.length), ...splitter.finish(text.length)];
  return splitter.unsupported ? void 0 : chunks;
}
function restOfMarkerLine(text, from, eol) {
  let i = from;
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i === eol || text.charCodeAt(i) === HASH && i > from;
}
function isBlankOrComment(text, from, eol) {
  let i = from;
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i === eol || text.charCodeAt(i) === HASH;
}
var BAIL = /* @__PURE__ */ Symbol("bail");
var UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
var resolved = /* @__PURE__ */ new Map();
function plainValue(source) {
  const c = source.charCodeAt(0);
  if (!(c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46) || source.length > 12) {
    return mayResolvePlain11(source) ? resolvePlain11(source) : source;
  }
  const cached = resolved.get(source);
  if (cached !== void 0 || resolved.has(source)) return cached;
  const value = resolvePlain11(source);
  if (resolved.size > 1e4) resolved.clear();
  if (!(value instanceof Date)) resolved.set(source, value);
  return value;
}
var VALUE_SLOTS = 4096;
var valueSources = new Array(VALUE_SLOTS).fill("");
var valueValues = new Array(VALUE_SLOTS).fill(void 0);
function shortPlain(text, from, to, hash) {
  const length = to - from;
  if (length > 12) return plainValue(text.slice(from, to));
  const slot = hash & VALUE_SLOTS - 1;
  const known = valueSources[slot];
  if (known.length === length && text.startsWith(known, from)) return valueValues[slot];
  const source = text.slice(from, to);
  const value = plainValue(source);
  if (!(value instanceof Date)) {
    valueSources[slot] = source;
    valueValues[slot] = value;
  }
  return value;
}
function keyString(source) {
  if (source === "<<" || plainValue(source) !== source) throw BAIL;
  return source;
}
var KEY_SLOTS = 4096;
var keySlots = new Array(KEY_SLOTS).fill("");
function addKey(keys, key) {
  if (keys.includes(key)) throw BAIL;
  keys.push(key);
}
function setKey(map, key, value) {
  if (map[key] === void 0) {
    map[key] = value;
    return;
  }
  if (Object.hasOwn(map, key)) throw BAIL;
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
var Reader = class {
  constructor(text, from, end, build2) {
    this.text = text;
    this.end = end;
    this.build = build2;
    this.nextLine = from;
    this.advance();
  }
  text;
  end;
  build;
  /** Start, end (excluding the line break) and indentation of the current content line. */
  ls = 0;
  le = 0;
  indent = 0;
  /** Offset of the current token on the current line. */
  p = 0;
  /** Hash of the plain key that `keyEnd` found last. */
  keyHash = 0;
  /** Start of the line after the current one. */
  nextLine = 0;
  /** Collections open around the current token: deeper than MAX_DEPTH is the precise parser's to refuse. */
  depth = 0;
  eof = false;
  /** Moves to the next line with content, skipping blank and comment lines. */
  advance() {
    const { text, end } = this;
    let line = this.nextLine;
    while (line < end) {
      let eol = text.indexOf("\n", line);
      if (eol < 0 || eol > end) eol = end;
      let i = line;
      while (i < eol && text.charCodeAt(i) === SPACE) i++;
      if (i < eol && text.charCodeAt(i) !== HASH) {
        this.ls = line;
        this.le = eol;
        this.indent = i - line;
        this.p = i;
        this.nextLine = eol < end ? eol + 1 : end;
        return;
      }
      line = eol + 1;
    }
    this.eof = true;
    this.nextLine = end;
    this.ls = this.le = this.p = end;
    this.indent = -1;
  }
  document() {
    if (this.eof) return null;
    const value = this.isSeqEntry() ? this.seq(this.indent, false) : this.map(this.indent);
    if (!this.eof) throw BAIL;
    return value;
  }
  isSeqEntry() {
    const { text, p } = this;
    if (text.charCodeAt(p) !== 45) return false;
    const next = p + 1 < this.le ? text.charCodeAt(p + 1) : LF;
    return next === SPACE || next === LF;
  }
  /** A block mapping whose keys sit at column `col`; the first key is at the current token. */
  map(col) {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const out = {};
    const keys = this.build ? void 0 : [];
    for (; ; ) {
      const colon = this.keyEnd();
      if (colon < 0) throw BAIL;
      const key = this.key(colon);
      this.p = colon + 1;
      const value = this.value(col, true);
      if (keys) addKey(keys, key);
      else setKey(out, key, value);
      if (this.eof || this.indent < col) {
        this.depth--;
        return out;
      }
      if (this.indent > col || this.isSeqEntry()) throw BAIL;
    }
  }
  /** A block sequence whose dashes sit at column `col`. */
  seq(col, zeroIndented) {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const out = [];
    for (; ; ) {
      this.p += 1;
      this.skipSpaces();
      if (this.p < this.le && this.isSeqEntry()) throw BAIL;
      const item = this.compactKey() ? this.map(this.p - this.ls) : this.value(col, false);
      if (this.build) out.push(item);
      if (this.eof || this.indent < col) {
        this.depth--;
        return out;
      }
      if (this.indent > col) throw BAIL;
      if (!this.isSeqEntry()) {
        if (!zeroIndented) throw BAIL;
        this.depth--;
        return out;
      }
    }
  }
  /** Whether a sequence entry's content is a mapping (`- key: value`). */
  compactKey() {
    const { text, p } = this;
    if (p >= this.le) return false;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) return this.keyEnd() >= 0;
    return plainStart(c, text.charCodeAt(p + 1), p + 1 < this.le) && this.keyEnd() >= 0;
  }
  skipSpaces() {
    const { text } = this;
    while (this.p < this.le && text.charCodeAt(this.p) === SPACE) this.p++;
  }
  /**
   * The offset of the `:` that ends an implicit key starting at the current token, or -1 when the
   * rest of the line is not a key.
   */
  keyEnd() {
    const { text, p, le } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close < 0) throw BAIL;
      if (text.charCodeAt(close) !== 58) {
        if (close < le && text.charCodeAt(close) !== SPACE) throw BAIL;
        return -1;
      }
      const after = close + 1 < le ? text.charCodeAt(close + 1) : LF;
      if (after !== SPACE && after !== LF) throw BAIL;
      return close;
    }
    if (!plainStart(c, text.charCodeAt(p + 1), p + 1 < le)) throw BAIL;
    let hash = 0;
    for (let i = p; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58) {
        const after = i + 1 < le ? text.charCodeAt(i + 1) : LF;
        if (after === SPACE || after === LF) {
          if (text.charCodeAt(i - 1) === SPACE || i - p > 1e3) throw BAIL;
          this.keyHash = hash;
          return i;
        }
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        return -1;
      }
      hash = Math.imul(hash, 31) + ch | 0;
    }
    return -1;
  }
  key(colon) {
    const { text, p } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) return this.quoted(p, colon);
    const slot = this.keyHash & KEY_SLOTS - 1;
    const known = keySlots[slot];
    if (known.length === colon - p && text.startsWith(known, p)) return known;
    const key = keyString(text.slice(p, colon));
    keySlots[slot] = key.length > 12 ? ownCopy(key) : key;
    return key;
  }
  /** Offset just after the closing quote of a one-line quoted scalar at `at`, or -1. */
  quoteEnd(at) {
    const { text, le } = this;
    const quote3 = text.charCodeAt(at);
    for (let i = at + 1; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === quote3) {
        if (quote3 === 39 && text.charCodeAt(i + 1) === 39 && i + 1 < le) {
          i++;
          continue;
        }
        return i + 1;
      }
      if (ch === 92 && quote3 === 34) i++;
    }
    return -1;
  }
  /** The value of a one-line quoted scalar spanning [from, to). */
  quoted(from, to) {
    const body = this.text.slice(from + 1, to - 1);
    if (this.text.charCodeAt(from) === 39) return body.includes("''") ? body.replaceAll("''", "'") : body;
    return body.includes("\\") ? unescapeDouble(body) : body;
  }
  /**
   * The value after a `:` or `-` indicator at column `col` (the key's or the dash's). Leaves the
   * reader on the next content line.
   */
  value(col, inMap) {
    this.skipSpaces();
    const { text, p, le } = this;
    if (p >= le || text.charCodeAt(p) === HASH) {
      if (p < le && text.charCodeAt(p - 1) !== SPACE) throw BAIL;
      this.advance();
      if (this.eof) return null;
      if (this.indent > col) {
        if (this.isSeqEntry()) return this.seq(this.indent, false);
        if (this.keyEnd() < 0) throw BAIL;
        return this.map(this.indent);
      }
      if (this.indent === col && inMap && this.isSeqEntry()) return this.seq(col, true);
      return null;
    }
    const c = text.charCodeAt(p);
    let value;
    if (c === 124 || c === 62) return this.blockScalar(col);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close < 0) throw BAIL;
      value = this.quoted(p, close);
      this.p = close;
    } else if (c === 91 || c === 123) {
      const flow = new FlowReader(text, p, le, this.build, false, this.depth);
      value = flow.read();
      this.p = flow.p;
    } else {
      if (!plainStart(c, text.charCodeAt(p + 1), p + 1 < le)) throw BAIL;
      let stop = le;
      let hash = 0;
      for (let i = p; i < le; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
          stop = i;
          break;
        }
        if (ch === 58) {
          const after = i + 1 < le ? text.charCodeAt(i + 1) : LF;
          if (after === SPACE || after === LF) throw BAIL;
        }
        hash = Math.imul(hash, 31) + ch | 0;
      }
      let last = stop;
      while (text.charCodeAt(last - 1) === SPACE) last--;
      value = this.build ? shortPlain(text, p, last, hash) : true;
      this.p = last;
    }
    this.lineEndsHere();
    this.advance();
    if (!this.eof && this.indent > col) throw BAIL;
    return value;
  }
  /**
   * Where the node at `path` is, as the positional parser places it, reading only the lines on the way:
   * keys before the one on the path and items before the one on it are stepped over by their
   * indentation (the document was read before, so it is in the subset). UNKNOWN where the answer is a
   * range the fast reader does not know (a block collection's or block scalar's end).
   */
  seek(path, memo) {
    if (this.eof) return UNKNOWN;
    let block = this.isSeqEntry() ? { seq: true, col: this.indent, zeroIndented: false } : { seq: false, col: this.indent, zeroIndented: false };
    let node;
    let best;
    let from = 0;
    if (memo !== void 0) {
      const marks = memo.marks;
      const shared2 = Math.min(commonPrefix(memo.path, path), path.length - 1, marks.length - 1);
      for (let i = shared2; i >= 1; i--) {
        const mark = marks[i];
        if (mark === void 0) continue;
        this.ls = mark.ls;
        this.le = mark.le;
        this.indent = mark.indent;
        this.p = mark.p;
        this.nextLine = mark.nextLine;
        this.depth = mark.depth;
        this.eof = mark.eof;
        block = mark.block;
        best = mark.best;
        from = i;
        break;
      }
      memo.path = path.slice();
      marks.length = from + 1;
    }
    for (let i = from; i < path.length; i++) {
      const seg = path[i];
      if (!block) return locateFrom(node, path, i, best);
      if (memo !== void 0 && i > from) {
        memo.marks[i] = {
          ls: this.ls,
          le: this.le,
          indent: this.indent,
          p: this.p,
          nextLine: this.nextLine,
          depth: this.depth,
          eof: this.eof,
          block,
          best
        };
      }
      if (typeof seg === "string" && !block.seq) {
        const key = this.seekKey(block.col, seg);
        if (!key) return best ? { range: best, exact: false } : UNKNOWN;
        best = key;
        const value = this.seekValue(block.col, true);
        block = value.block;
        node = value.node;
      } else if (typeof seg === "number" && block.seq) {
        if (!this.seekItem(block.col, seg)) return best ? { range: best, exact: false } : UNKNOWN;
        const { col } = block;
        this.p += 1;
        this.skipSpaces();
        if (this.compactKey()) {
          block = { seq: false, col: this.p - this.ls, zeroIndented: false };
          node = void 0;
        } else {
          const value = this.seekValue(col, false);
          block = value.block;
          node = value.node;
        }
        best = node?.end === void 0 ? void 0 : { start: node.start, end: node.end };
      } else {
        return best ? { range: best, exact: false } : UNKNOWN;
      }
    }
    return !node || node.end === void 0 ? UNKNOWN : { range: { start: node.start, end: node.end }, exact: true };
  }
  /** Offset of the first node of the document (undefined when it is empty). */
  rootStart() {
    return this.eof ? void 0 : this.p;
  }
  /** The range of key `seg` of the block mapping at `col` whose first key is the current token (the reader then stands after its colon). */
  seekKey(col, seg) {
    for (; ; ) {
      const colon = this.keyEnd();
      if (colon < 0) return void 0;
      const start = this.p;
      const c = this.text.charCodeAt(start);
      const plain = c !== 34 && c !== 39;
      if (plain ? colon - start === seg.length && this.text.startsWith(seg, start) : this.key(colon) === seg) {
        this.p = colon + 1;
        return { start, end: colon };
      }
      do
        this.advance();
      while (!this.eof && (this.indent > col || this.indent === col && this.isSeqEntry()));
      if (this.eof || this.indent < col) return void 0;
    }
  }
  /** Moves to the dash of item `item` of the block sequence at `col` whose first dash is the current token. */
  seekItem(col, item) {
    for (let n = 0; n < item; n++) {
      do
        this.advance();
      while (!this.eof && this.indent > col);
      if (this.eof || this.indent < col || !this.isSeqEntry()) return false;
    }
    return true;
  }
  /** What `value(col, inMap)` would read, without reading nested collections: where it starts, or its range. */
  seekValue(col, inMap) {
    this.skipSpaces();
    const { text, p, le } = this;
    if (p >= le || text.charCodeAt(p) === HASH) {
      const empty = { start: p, end: inMap ? p : void 0 };
      this.advance();
      if (this.eof) return { node: empty };
      if (this.indent > col) return { block: { seq: this.isSeqEntry(), col: this.indent, zeroIndented: false } };
      if (this.indent === col && inMap && this.isSeqEntry()) return { block: { seq: true, col, zeroIndented: true } };
      return { node: empty };
    }
    const c = text.charCodeAt(p);
    if (c === 124 || c === 62) return { node: { start: p, end: void 0 } };
    if (c === 34 || c === 39) return { node: { start: p, end: this.quoteEnd(p) } };
    if (c === 91 || c === 123) {
      const flow = new FlowReader(text, p, le, false, true);
      flow.read();
      return { node: flow.node };
    }
    let stop = le;
    for (let i = p; i < le; i++) {
      if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
    }
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    return { node: { start: p, end: stop } };
  }
  /** After a scalar: only spaces and a comment may follow on its line. */
  lineEndsHere() {
    const { text } = this;
    const start = this.p;
    this.skipSpaces();
    if (this.p < this.le && (text.charCodeAt(this.p) !== HASH || this.p === start)) throw BAIL;
  }
  /** A literal (`|`) or folded (`>`) block scalar whose header is at the current token. */
  blockScalar(col) {
    const { text, end } = this;
    const folded = text.charCodeAt(this.p) === 62;
    let chomp = 0;
    this.p++;
    const indicator = text.charCodeAt(this.p);
    if (indicator === 45) chomp = -1;
    else if (indicator === 43) chomp = 1;
    if (chomp !== 0) this.p++;
    if (this.p < this.le && text.charCodeAt(this.p) !== SPACE) throw BAIL;
    this.lineEndsHere();
    const lines = [];
    let contentIndent = -1;
    let maxLeadingBlank = 0;
    let line = this.le < end ? this.le + 1 : end;
    let trailingBlank = 0;
    while (line < end) {
      let eol = text.indexOf("\n", line);
      if (eol < 0 || eol > end) eol = end;
      let i = line;
      while (i < eol && text.charCodeAt(i) === SPACE) i++;
      const spaces = i - line;
      if (i === eol) {
        if (contentIndent < 0) maxLeadingBlank = Math.max(maxLeadingBlank, spaces);
        else if (spaces > contentIndent) throw BAIL;
        trailingBlank++;
        lines.push("");
        line = eol + 1;
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= col) break;
        contentIndent = spaces;
        if (maxLeadingBlank > contentIndent) throw BAIL;
      } else if (spaces < contentIndent) {
        if (spaces > col && text.charCodeAt(i) !== HASH) throw BAIL;
        break;
      }
      if (folded && spaces > contentIndent) throw BAIL;
      lines.push(this.build ? text.slice(line + contentIndent, eol) : ".");
      trailingBlank = 0;
      line = eol + 1;
    }
    const contentLines = lines.length - trailingBlank;
    this.nextLine = Math.min(line, end);
    this.advance();
    if (!this.eof && this.indent > col) throw BAIL;
    if (contentLines === 0) {
      if (chomp === 1) throw BAIL;
      return "";
    }
    if (chomp === 1 && (line > end || text.charCodeAt(end - 1) !== LF)) throw BAIL;
    if (!this.build) return "";
    let body;
    if (folded) {
      let first = 0;
      while (lines[first] === "") first++;
      body = "\n".repeat(first) + lines[first];
      let blanks = 0;
      for (let n = first + 1; n < contentLines; n++) {
        const current = lines[n];
        if (current === "") {
          blanks++;
          continue;
        }
        body += blanks === 0 ? ` ${current}` : "\n".repeat(blanks) + current;
        blanks = 0;
      }
    } else {
      body = lines.slice(0, contentLines).join("\n");
    }
    if (chomp === -1) return body;
    if (chomp === 0) return `${body}
`;
    return `${body}
${"\n".repeat(trailingBlank)}`;
  }
};
function plainStart(c, next, hasNext) {
  switch (c) {
    case 45:
    // -
    case 63:
    // ?
    case 58:
      return hasNext && next !== SPACE && next !== 9;
    case 44:
    // ,
    case 91:
    // [
    case 93:
    // ]
    case 123:
    // {
    case 125:
    // }
    case 35:
    // #
    case 38:
    // &
    case 42:
    // *
    case 33:
    // !
    case 124:
    // |
    case 62:
    // >
    case 39:
    // '
    case 34:
    // "
    case 37:
    // %
    case 64:
    // @
    case 96:
    // `
    case SPACE:
    case 9:
      return false;
    default:
      return true;
  }
}
var ESCAPES = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "	",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1B",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029"
};
function unescapeDouble(body) {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === void 0) throw BAIL;
    const simple = ESCAPES[e];
    if (simple !== void 0) {
      out += simple;
      continue;
    }
    const digits = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    const hex = body.slice(i + 1, i + 1 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw BAIL;
    const code = Number.parseInt(hex, 16);
    if (code > 1114111 || code >= 55296 && code <= 57343) throw BAIL;
    out += String.fromCodePoint(code);
    i += digits;
  }
  return out;
}
var FlowReader = class {
  constructor(text, p, le, build2, track = false, depth = 0) {
    this.text = text;
    this.p = p;
    this.le = le;
    this.build = build2;
    this.track = track;
    this.depth = depth;
  }
  text;
  p;
  le;
  build;
  track;
  depth;
  /** Where the last node read is (when tracking). */
  node;
  /** Reads one node; with tracking, `node` then says where it is. */
  read() {
    const start = this.p;
    const c = this.text.charCodeAt(start);
    const value = this.readNode();
    if (this.track && (c === 34 || c === 39 || c === 91 || c === 123)) {
      const node = this.node;
      this.node = { start, end: this.p };
      if (node?.pairs) this.node.pairs = node.pairs;
      if (node?.items) this.node.items = node.items;
    }
    return value;
  }
  spaces() {
    while (this.p < this.le && this.text.charCodeAt(this.p) === SPACE) this.p++;
    if (this.p >= this.le) throw BAIL;
  }
  readNode() {
    const c = this.text.charCodeAt(this.p);
    if (c === 91 || c === 123) {
      if (++this.depth > MAX_DEPTH) throw BAIL;
      const value = c === 91 ? this.seq() : this.map();
      this.depth--;
      return value;
    }
    if (c === 34 || c === 39) return this.quoted();
    const start = this.p;
    const plain = this.plain();
    if (this.track) this.node = { start, end: start + plain.length };
    return this.build ? plainValue(plain) : true;
  }
  seq() {
    const out = [];
    const items = this.track ? [] : void 0;
    this.p++;
    this.spaces();
    if (this.text.charCodeAt(this.p) === 93) {
      this.p++;
      return this.ended(out, items, void 0);
    }
    for (; ; ) {
      const c = this.text.charCodeAt(this.p);
      if (c === 44 || c === 93 || c === 123 || c === 63) throw BAIL;
      const item = this.read();
      if (this.build) out.push(item);
      if (items && this.node) items.push(this.node);
      this.spaces();
      const next = this.text.charCodeAt(this.p);
      if (next === 58) throw BAIL;
      this.p++;
      if (next === 93) return this.ended(out, items, void 0);
      if (next !== 44) throw BAIL;
      this.spaces();
      if (this.text.charCodeAt(this.p) === 93) {
        this.p++;
        return this.ended(out, items, void 0);
      }
    }
  }
  /** A flow collection read to its end: with tracking, `node` then holds its items or pairs (`read` places it). */
  ended(out, items, pairs) {
    if (items) this.node = { start: 0, end: void 0, items };
    else if (pairs) this.node = { start: 0, end: void 0, pairs };
    return out;
  }
  map() {
    const out = {};
    const keys = this.build ? void 0 : [];
    const pairs = this.track ? /* @__PURE__ */ new Map() : void 0;
    this.p++;
    this.spaces();
    if (this.text.charCodeAt(this.p) === 125) {
      this.p++;
      return this.ended(out, void 0, pairs);
    }
    for (; ; ) {
      const c = this.text.charCodeAt(this.p);
      if (c === 44 || c === 125 || c === 91 || c === 123 || c === 63) throw BAIL;
      const keyStart = this.p;
      const key = c === 34 || c === 39 ? this.quoted() : keyString(this.plain());
      const keyEnd = c === 34 || c === 39 ? this.p : keyStart + key.length;
      if (this.text.charCodeAt(this.p) !== 58 || this.text.charCodeAt(this.p + 1) !== SPACE) throw BAIL;
      this.p += 2;
      this.spaces();
      const v = this.text.charCodeAt(this.p);
      if (v === 44 || v === 125) throw BAIL;
      const value = this.read();
      if (keys) addKey(keys, key);
      else setKey(out, key, value);
      if (pairs && this.node) pairs.set(key, { key: { start: keyStart, end: keyEnd }, value: this.node });
      this.spaces();
      const next = this.text.charCodeAt(this.p);
      this.p++;
      if (next === 125) return this.ended(out, void 0, pairs);
      if (next !== 44) throw BAIL;
      this.spaces();
      if (this.text.charCodeAt(this.p) === 125) {
        this.p++;
        return this.ended(out, void 0, pairs);
      }
    }
  }
  quoted() {
    const { text, le } = this;
    const from = this.p;
    this.node = void 0;
    const quote3 = text.charCodeAt(from);
    for (let i = from + 1; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === quote3) {
        if (quote3 === 39 && i + 1 < le && text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        this.p = i + 1;
        const body = text.slice(from + 1, i);
        if (quote3 === 39) return body.includes("''") ? body.replaceAll("''", "'") : body;
        return body.includes("\\") ? unescapeDouble(body) : body;
      }
      if (ch === 92 && quote3 === 34) i++;
    }
    throw BAIL;
  }
  /** A plain scalar in flow context: it ends at `,`, `]`, `}`, `: ` or ` #`. */
  plain() {
    const { text, le } = this;
    const from = this.p;
    const c = text.charCodeAt(from);
    if (!plainStart(c, text.charCodeAt(from + 1), from + 1 < le)) throw BAIL;
    let i = from;
    for (; i < le; i++) {
      const ch2 = text.charCodeAt(i);
      if (ch2 === 44 || ch2 === 93 || ch2 === 125 || ch2 === 91 || ch2 === 123) break;
      if (ch2 === 58) {
        const after = text.charCodeAt(i + 1);
        if (after === SPACE || after === 44 || after === 93 || after === 125 || i + 1 >= le) break;
      }
      if (ch2 === HASH && text.charCodeAt(i - 1) === SPACE) throw BAIL;
    }
    if (i >= le) throw BAIL;
    const ch = text.charCodeAt(i);
    if (ch === 91 || ch === 123) throw BAIL;
    this.p = i;
    let last = i;
    while (text.charCodeAt(last - 1) === SPACE) last--;
    if (last === from) throw BAIL;
    return text.slice(from, last);
  }
};
function commonPrefix(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
var UNKNOWN = /* @__PURE__ */ Symbol("ask the precise parser");
function locateFrom(root, path, from, best) {
  let node = root;
  const inexact = () => best ? { range: best, exact: false } : UNKNOWN;
  for (let i = from; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === "string" && node.pairs) {
      const pair = node.pairs.get(seg);
      if (!pair) return inexact();
      node = pair.value;
      best = pair.key;
    } else if (typeof seg === "number" && node.items) {
      const item = node.items[seg];
      if (!item) return inexact();
      node = item;
      best = item.end === void 0 ? void 0 : { start: item.start, end: item.end };
    } else {
      return inexact();
    }
  }
  return node.end === void 0 ? UNKNOWN : { range: { start: node.start, end: node.end }, exact: true };
}
function seekPath(text, from, to, path, memo) {
  try {
    return new Reader(text, from, to, false).seek(path, memo);
  } catch (error) {
    if (error === BAIL) return UNKNOWN;
    throw error;
  }
}
function readChunk(text, from, to, build2 = true) {
  if (UNUSUAL.test(text.slice(from, to))) return BAIL_OUT;
  try {
    return new Reader(text, from, to, build2).document();
  } catch (error) {
    if (error === BAIL) return BAIL_OUT;
    throw error;
  }
}
var BAIL_OUT = /* @__PURE__ */ Symbol("outside the fast subset");
function preciseChunk(text, chunk, base = 0) {
  const offset = chunk.start + base;
  const parsed = parseYaml(text.slice(chunk.start, chunk.markerEnd));
  const length = chunk.end - chunk.start;
  if (parsed.documents.some((d) => d.index > 0 && d.value !== null)) return void 0;
  if (parsed.problems.some((p) => p.start > length)) return void 0;
  const problems2 = parsed.problems.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
  const found = parsed.documents.find((d) => d.index === 0);
  if (!found) return { problems: problems2 };
  const document = {
    index: chunk.index,
    value: found.value,
    start: found.start + offset,
    locate(path) {
      const located = found.locate(path);
      return located && {
        range: { start: located.range.start + offset, end: located.range.end + offset },
        exact: located.exact
      };
    }
  };
  return { document, problems: problems2 };
}
var FastDocument = class {
  constructor(text, chunk, value, base = 0) {
    this.text = text;
    this.chunk = chunk;
    this.value = value;
    this.base = base;
  }
  text;
  chunk;
  value;
  base;
  precise = null;
  seeks = { path: [], marks: [] };
  get index() {
    return this.chunk.index;
  }
  resolve() {
    if (this.precise === null) {
      const { chunk, base } = this;
      const offset = chunk.start + base;
      const found = locateYaml(this.text.slice(chunk.start, chunk.markerEnd));
      this.precise = found && {
        start: found.start + offset,
        locate(path) {
          const located = found.locate(path);
          return located && {
            range: { start: located.range.start + offset, end: located.range.end + offset },
            exact: located.exact
          };
        }
      };
    }
    return this.precise;
  }
  get start() {
    const { chunk } = this;
    const own = new Reader(this.text, chunk.contentStart, chunk.end, false).rootStart();
    if (own !== void 0) return own + this.base;
    return this.resolve()?.start ?? chunk.contentStart + this.base;
  }
  /**
   * Positions are found along the path asked for, in the text (most documents are never asked, and a
   * finding's path passes through a few of a document's lines); the precise parser is asked for what
   * the fast reader does not know.
   */
  locate(path) {
    const found = seekPath(this.text, this.chunk.contentStart, this.chunk.end, path, this.seeks);
    if (found === UNKNOWN) return this.resolve()?.locate(path);
    const { base } = this;
    return { range: { start: found.range.start + base, end: found.range.end + base }, exact: found.exact };
  }
  /** What the precise parser answers (for tests: the fast reader's positions must agree with it). */
  preciseLocate(path) {
    return this.resolve()?.locate(path);
  }
  get preciseStart() {
    return this.resolve()?.start;
  }
};

// src/core/prefilter.ts
var CAPABILITY_LISTS = [["apabilities"], ["cap_add"], ["cap_drop"]];
var CONTAINERS = [["containers"]];
var RULE_NEEDS = {
  "cap-add-drop-conflict": CAPABILITY_LISTS,
  "cap-all": CAPABILITY_LISTS,
  "cap-case": CAPABILITY_LISTS,
  "cap-dangerous": CAPABILITY_LISTS,
  "cap-duplicate": CAPABILITY_LISTS,
  // Also privileged: true with allowPrivilegeEscalation: false, in any container.
  "cap-escalation-conflict": [...CAPABILITY_LISTS, ["privileged", "allowPrivilegeEscalation"]],
  "cap-kernel": CAPABILITY_LISTS,
  "cap-pod-level": CAPABILITY_LISTS,
  "cap-prefix": CAPABILITY_LISTS,
  "cap-privileged-redundant": CAPABILITY_LISTS,
  "cap-unknown": CAPABILITY_LISTS,
  "cap-windows": CAPABILITY_LISTS,
  "pss-baseline": CAPABILITY_LISTS,
  // Every container, with or without a securityContext.
  "pss-restricted": CONTAINERS,
  // What containers need (commands, images, mounted files, users): they report on containers only, and
  // read the ConfigMaps and Secrets a container mounts through `context.documents`, which holds every
  // document however this table filters.
  "cap-missing": CONTAINERS,
  "cap-nonroot-ineffective": CONTAINERS,
  "mlock-needs-memlock": CONTAINERS,
  "pam-limits-needs-sys-resource": CONTAINERS,
  "privileged-overreach": CONTAINERS,
  "sysctl-needs-privilege": CONTAINERS,
  "ulimit-needs-sys-resource": CONTAINERS
};
function skipFilter(rules, settings, pss) {
  const groups = [];
  for (const rule of rules) {
    const setting = settings?.[rule.meta.id] ?? (offByDefault(rule, pss) ? "off" : rule.meta.severity);
    if (setting === "off") continue;
    const needs = RULE_NEEDS[rule.meta.id];
    if (!needs) return void 0;
    for (const group of needs) {
      if (!groups.some((g) => g.length === group.length && g.every((w, i) => w === group[i]))) groups.push(group);
    }
  }
  groups.sort((a, b) => Number(b.includes("containers")) - Number(a.includes("containers")));
  return (text) => !groups.some((group) => group.every((word) => text.includes(word))) && !text.includes("\\");
}

// src/core/stream.ts
var NeedsWholeInput = class extends Error {
  constructor() {
    super("a rule needs every document of the input");
  }
};
function readUnit(text, chunk, base) {
  const value = chunk.precise ? BAIL_OUT : readChunk(text, chunk.contentStart, chunk.end);
  let document;
  if (value === BAIL_OUT) {
    const precise = preciseChunk(text, chunk, base);
    if (!precise) return void 0;
    document = precise.document;
  } else {
    document = new FastDocument(text, chunk, value, base);
  }
  if (!document || document.value === null || document.value === void 0) return null;
  return { document, extracted: extract(document.value) };
}
var ChunkLinter = class {
  constructor(file, options, lines, readAll) {
    this.file = file;
    this.options = options;
    this.lines = lines;
    this.readAll = readAll;
    this.skip = skipFilter(options.rules, options.settings, options.pss);
  }
  file;
  options;
  lines;
  readAll;
  findings = [];
  documents = 0;
  parseErrors = 0;
  skip;
  /** The unit of each document linted so far, by its index in the input: a rule finds its own among the others by identity. */
  known = /* @__PURE__ */ new Map();
  units;
  views;
  /**
   * Lints one chunk of `text` (a window of the input starting at offset `base`). False when only the
   * precise parser reading the whole input can tell: a syntax error, or readers that disagree.
   */
  add(text, chunk, base) {
    if (!chunk.precise) {
      const skip = this.skip?.(text.slice(chunk.contentStart, chunk.end)) ?? false;
      const value = readChunk(text, chunk.contentStart, chunk.end, !skip);
      if (value !== BAIL_OUT) {
        if (value === null) return true;
        this.documents++;
        if (!skip) this.lint(new FastDocument(text, chunk, value, base));
        return true;
      }
    }
    const precise = preciseChunk(text, chunk, base);
    if (!precise || precise.problems.some((p) => !p.warning)) return false;
    for (const problem of precise.problems) {
      this.findings.push(problemFinding(this.file, problem, this.lines));
      if (!problem.warning) this.parseErrors++;
    }
    const document = precise.document;
    if (document && document.value !== null && document.value !== void 0) {
      this.documents++;
      this.lint(document);
    }
    return true;
  }
  /** A rule asked for every document while they were not available (even if it caught the error). */
  wantedAll = false;
  others = () => {
    if (!this.readAll) {
      this.wantedAll = true;
      throw new NeedsWholeInput();
    }
    this.units ??= this.readAll(this.known);
    this.views ??= this.units.map((u) => ({
      value: u.document.value,
      extracted: u.extracted,
      locate: (path) => u.document.locate(path)
    }));
    return this.views;
  };
  /**
   * Lints item `item` of a `kind: List` document whose items are streamed: `[from, to)` of `text` holds
   * the item as a one-entry sequence at column 0. False when only the whole input can tell.
   */
  addListItem(text, list, item, from, to, base) {
    const chunk = { index: list.index, start: from, contentStart: from, end: to, markerEnd: to, precise: false };
    const skip = this.skip?.(text.slice(from, to)) ?? false;
    let value = readChunk(text, from, to, !skip);
    if (skip && value !== BAIL_OUT) return true;
    let entry;
    if (value === BAIL_OUT) {
      const precise = preciseChunk(text, chunk, base);
      if (!precise?.document || precise.problems.some((p) => !p.warning)) return false;
      for (const problem of precise.problems) this.findings.push(problemFinding(this.file, problem, this.lines));
      entry = precise.document;
      value = entry.value;
    } else {
      entry = new FastDocument(text, chunk, value, base);
    }
    if (!Array.isArray(value) || value.length !== 1) return false;
    const root = { kind: "List", items: [value[0]] };
    const extracted = extract(root);
    moveItem(extracted, item);
    const document = {
      index: list.index,
      value: root,
      start: list.start,
      locate(path) {
        if (path[0] !== "items" || path[1] !== item) return void 0;
        return entry.locate([0, ...path.slice(2)]);
      }
    };
    this.lint(document, false, { document, extracted });
    return true;
  }
  /** Counts a document whose content was linted piecewise (a streamed List). */
  countDocument() {
    this.documents++;
  }
  lint(document, counted = true, prepared) {
    const position = counted ? this.documents - 1 : -1;
    const unit = this.units?.[position] ?? prepared ?? { document, extracted: extract(document.value) };
    if (counted && this.readAll) this.known.set(document.index, unit);
    append(this.findings, lintDocument(this.file, unit, this.others, this.lines, this.options));
  }
  result() {
    this.findings.sort(byPosition);
    return { file: this.file, findings: this.findings, documents: this.documents, parseErrors: this.parseErrors };
  }
};
function moveItem(extracted, item) {
  if (item === 0) return;
  const move = (path) => {
    if (path && path[0] === "items" && path[1] === 0) path[1] = item;
  };
  for (const object of extracted.objects) move(object.path);
  for (const spec2 of extracted.podSpecs) {
    move(spec2.path);
    for (const container of spec2.containers) move(container.path);
  }
  for (const owner of extracted.owners) {
    move(owner.path);
    move(owner.securityContextPath);
    for (const list of owner.lists) {
      move(list.path);
      for (const entry of list.entries) move(entry.path);
    }
  }
}
function lintYamlText(file, text, options) {
  const stream = new StreamLinter(file, options, LIST_PROBE_BYTES, false);
  stream.push(text);
  const streamed = stream.end();
  if (streamed) return streamed;
  const chunks = splitDocuments(text);
  const precise = () => lintParsed(file, text, parseYaml(text), options);
  if (!chunks) return precise();
  const readAll = (known) => {
    const units = [];
    for (const chunk of chunks) {
      const unit = known.get(chunk.index) ?? readUnit(text, chunk, 0);
      if (unit) units.push(unit);
    }
    return units;
  };
  const linter = new ChunkLinter(file, options, new LineIndex(text), readAll);
  for (const chunk of chunks) if (!linter.add(text, chunk, 0)) return precise();
  return linter.result();
}
var WindowLines = class extends LineIndex {
  constructor(window, base, baseLine) {
    super("");
    this.window = window;
    this.base = base;
    this.baseLine = baseLine;
  }
  window;
  base;
  baseLine;
  lineStartsInWindow = [0];
  scannedTo = 0;
  /** Line starts up to the local offset `until` (and one line past it). */
  startsUntil(until) {
    const starts = this.lineStartsInWindow;
    while (this.scannedTo <= until && this.scannedTo < this.window.length) {
      const nl = this.window.indexOf("\n", this.scannedTo);
      if (nl < 0) {
        this.scannedTo = this.window.length;
        break;
      }
      starts.push(nl + 1);
      this.scannedTo = nl + 1;
    }
    return starts;
  }
  position(offset) {
    const local = offset - this.base;
    const starts = this.startsUntil(local);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= local) low = mid;
      else high = mid - 1;
    }
    return { line: this.baseLine + low, column: local - starts[low] + 1 };
  }
  source() {
    return this.window;
  }
  line(line) {
    const index = line - this.baseLine;
    if (index < 0) return "";
    const starts = this.lineStartsInWindow;
    while (starts.length <= index + 1 && this.scannedTo < this.window.length) this.startsUntil(this.scannedTo);
    const start = starts[index];
    if (start === void 0) return "";
    const next = starts[index + 1];
    let end = next === void 0 ? this.window.length : next - 1;
    if (end > start && this.window.charCodeAt(end - 1) === 13) end--;
    return this.window.slice(start, end);
  }
};
var FRAME_LINES = 1;
var LIST_PROBE_BYTES = 256 * 1024;
var StreamLinter = class {
  constructor(file, options, probeBytes = LIST_PROBE_BYTES, detach = true) {
    this.probeBytes = probeBytes;
    this.detach = detach;
    this.linter = new ChunkLinter(file, options, new LineIndex(""), void 0);
  }
  probeBytes;
  detach;
  buffer = "";
  base = 0;
  baseLine = 1;
  scanned = 0;
  splitter = new DocumentSplitter();
  linter;
  failed = false;
  /** A `kind: List` document whose items are read one at a time (offsets are global). */
  list;
  /** Index of a document found not to be a streamable List (it is buffered whole). */
  notList = -1;
  /** Source lines around the findings, by line number (for code frames). */
  lines = /* @__PURE__ */ new Map();
  /** False when no code frame will be shown: the lines around findings are then not kept. */
  keepFrames = true;
  /** Lists whose items were streamed (for tests and measurements). */
  streamedLists = 0;
  /**
   * Offered the documents of each window as one job (another thread may lint them); true when it took
   * them, and then their findings and counts are its to report.
   */
  delegate;
  get giveUp() {
    return this.failed || this.splitter.unsupported || this.linter.wantedAll;
  }
  push(piece) {
    if (this.giveUp) return;
    this.buffer += piece;
    const inPiece = piece.lastIndexOf("\n");
    if (inPiece < 0) return;
    const lastLine = this.buffer.length - piece.length + inPiece;
    const to = this.base + lastLine + 1;
    this.process(this.splitter.scan(this.buffer, this.base, this.scanned, to));
    this.scanned = to;
    const open = this.splitter.openChunk;
    if (!this.list && open && open.index !== this.notList && to - open.start > this.probeBytes) this.probeList(open);
    if (this.list) this.listLines(to);
    this.trim();
  }
  /**
   * The findings of the documents read so far, in order, handed over and no longer held: a caller that
   * writes them as they come keeps memory flat however many there are. Each call's findings come after
   * those of the call before (documents do not overlap), so the calls joined are `end()`'s order. They
   * are final only if the stream does not give up later: then the whole input must be read again.
   *
   * `framesWritten`: the findings handed over before were written, code frames and all. The lines kept
   * for their frames then go, but for those the new findings' frames still show: without it, a text
   * report of a file with 180,000 findings held a line map the size of the file.
   */
  drain(framesWritten = false) {
    const findings = this.linter.findings.splice(0, this.linter.findings.length);
    findings.sort(byPosition);
    const first = findings[0];
    if (framesWritten && first !== void 0 && first.line > 0) {
      const from = first.line - FRAME_LINES;
      for (const line of this.lines.keys()) if (line < from) this.lines.delete(line);
    }
    return findings;
  }
  end() {
    if (!this.giveUp) {
      const to = this.base + this.buffer.length;
      this.process([...this.splitter.scan(this.buffer, this.base, this.scanned, to), ...this.splitter.finish(to)]);
    }
    if (this.giveUp) return void 0;
    return this.linter.result();
  }
  process(chunks) {
    const { base } = this;
    const lines = new WindowLines(this.buffer, base, this.baseLine);
    this.linter.lines = lines;
    if (this.delegate && !this.list && chunks.length > 0 && !this.giveUp && this.delegate(this.job(chunks, lines))) {
      return;
    }
    for (const chunk of chunks) {
      if (this.giveUp) return;
      if (this.list && chunk.index === this.list.index) {
        this.listLines(chunk.end);
        this.endList();
        continue;
      }
      const from = this.detach ? chunk.start : base;
      const text = this.detach ? flatCopy(this.buffer.slice(chunk.start - base, chunk.markerEnd - base)) : this.buffer;
      const local = {
        ...chunk,
        start: chunk.start - from,
        contentStart: chunk.contentStart - from,
        end: chunk.end - from,
        markerEnd: chunk.markerEnd - from
      };
      this.linter.lines = lines;
      const before = this.linter.findings.length;
      try {
        if (!this.linter.add(text, local, from)) this.failed = true;
      } catch (error) {
        if (!(error instanceof NeedsWholeInput)) throw error;
        this.failed = true;
      }
      this.keep(before);
    }
  }
  /** [from, to) of the input (global offsets, inside the window), with a text of its own and its first line. */
  cut(from, to, lines) {
    return {
      text: ownCopy(this.buffer.slice(from - this.base, to - this.base)),
      base: from,
      baseLine: lines.position(from).line
    };
  }
  /** The documents `chunks` of the current window, as one job. */
  job(chunks, lines) {
    const from = chunks[0].start;
    return {
      ...this.cut(from, chunks[chunks.length - 1].markerEnd, lines),
      chunks: chunks.map((c) => ({
        ...c,
        start: c.start - from,
        contentStart: c.contentStart - from,
        end: c.end - from,
        markerEnd: c.markerEnd - from
      }))
    };
  }
  /**
   * Recognises `kubectl get -o yaml` output, one `kind: List` whose items sit at column 0 after
   * `items:` (kubectl sorts keys: apiVersion, items, kind, metadata), so its items can be streamed.
   */
  probeList(open) {
    this.notList = open.index;
    const text = this.buffer;
    let line = open.contentStart - this.base;
    let first = -1;
    let head = "";
    for (; ; ) {
      const eol = text.indexOf("\n", line);
      if (eol < 0) return;
      const content = text.slice(line, eol);
      if (/^\s*(#.*)?$/.test(content)) {
        line = eol + 1;
        continue;
      }
      if (first < 0) first = line;
      if (/^items:\s*(#.*)?$/.test(content)) break;
      if (!/^[A-Za-z][\w.-]*: +[^\s#|>&*!{[]/.test(content)) return;
      head += `${content}
`;
      line = eol + 1;
    }
    const itemsLine = line;
    line = text.indexOf("\n", itemsLine) + 1;
    for (; ; ) {
      const eol = text.indexOf("\n", line);
      if (eol < 0) return;
      const content = text.slice(line, eol);
      if (/^-( |$)/.test(content)) break;
      if (!/^\s*(#.*)?$/.test(content)) return;
      line = eol + 1;
    }
    this.list = {
      index: open.index,
      start: first + this.base,
      head,
      tail: "",
      inTail: false,
      item: -1,
      itemStart: line + this.base,
      scanned: line + this.base
    };
  }
  /** Lints every item of the streamed List that ends before `to`. */
  listLines(to) {
    const list = this.list;
    if (!list) return;
    const text = this.buffer;
    let line = list.scanned - this.base;
    const limit = to - this.base;
    const lines = new WindowLines(this.buffer, this.base, this.baseLine);
    this.linter.lines = lines;
    const ended = [];
    while (line < limit && !this.giveUp) {
      let eol = text.indexOf("\n", line);
      if (eol < 0 || eol >= limit) eol = limit;
      const next = eol < limit ? eol + 1 : limit;
      const c = text.charCodeAt(line);
      const entry = c === 45 && (eol === line + 1 || text.charCodeAt(line + 1) === 32);
      const key = c !== 45 && c !== 32 && c !== 35 && line < eol;
      if (list.inTail) {
        if (entry)
          this.failed = true;
        else list.tail += `${text.slice(line, eol)}
`;
      } else if (entry || key) {
        this.endItem(line + this.base, ended);
        if (key) {
          list.inTail = true;
          list.tail += `${text.slice(line, eol)}
`;
        }
      }
      line = next;
    }
    list.scanned = to;
    this.lintItems(list, ended, lines);
  }
  /** Closes the item that ends at `end` (global offset), if one is open, and opens the next. */
  endItem(end, ended) {
    const list = this.list;
    if (!list) return;
    if (list.item >= 0 || end > list.itemStart) {
      list.item++;
      ended.push({ item: list.item, from: list.itemStart, to: end });
    }
    list.itemStart = end;
  }
  /** Lints items of the streamed List (global offsets), or hands them to the delegate as one job. */
  lintItems(list, items, lines) {
    if (items.length === 0 || this.giveUp) return;
    const { base } = this;
    const owner = { index: list.index, start: list.start };
    if (this.delegate) {
      const from = items[0].from;
      const to = items[items.length - 1].to;
      const job = {
        ...this.cut(from, to, lines),
        chunks: [],
        list: owner,
        items: items.map((span2) => ({ item: span2.item, from: span2.from - from, to: span2.to - from }))
      };
      if (this.delegate(job)) return;
    }
    for (const span2 of items) {
      if (this.giveUp) return;
      const from = this.detach ? span2.from : base;
      const text = this.detach ? flatCopy(this.buffer.slice(span2.from - base, span2.to - base)) : this.buffer;
      const before = this.linter.findings.length;
      try {
        if (!this.linter.addListItem(text, owner, span2.item, span2.from - from, span2.to - from, from)) {
          this.failed = true;
        }
      } catch (error) {
        if (!(error instanceof NeedsWholeInput)) throw error;
        this.failed = true;
      }
      this.keep(before);
    }
  }
  /** The List is complete: its other keys must say it is a List and hold nothing the rules look at. */
  endList() {
    const list = this.list;
    if (!list) return;
    if (!list.inTail) {
      const ended = [];
      this.endItem(list.scanned, ended);
      this.lintItems(list, ended, new WindowLines(this.buffer, this.base, this.baseLine));
    }
    this.list = void 0;
    const rest = list.head + list.tail;
    const root = readChunk(rest, 0, rest.length);
    const { kind, apiVersion, metadata, ...others } = root ?? {};
    const inert = root !== BAIL_OUT && typeof kind === "string" && kind.endsWith("List") && Object.keys(others).length === 0 && (apiVersion === void 0 || typeof apiVersion === "string") && (metadata === void 0 || metadata === null || typeof metadata === "object" && Object.values(metadata).every((v) => v === null || typeof v !== "object"));
    if (!inert) this.failed = true;
    else {
      this.linter.countDocument();
      this.streamedLists++;
    }
  }
  /** Keeps copies of the source lines around the findings added since `before` (for code frames). */
  keep(before) {
    if (!this.detach || !this.keepFrames) return;
    keepFrameLines(this.linter.findings.slice(before), this.linter.lines, 1, this.lines);
  }
  /** Drops the text before the open document (or before the open item of a streamed List). */
  trim() {
    const open = this.list ? this.list.inTail ? this.list.scanned : this.list.itemStart : this.splitter.keepFrom;
    const keep = Math.min(open, this.scanned) - this.base;
    if (keep <= 0) return;
    if (!this.list && open <= this.scanned) {
      this.baseLine = this.splitter.keepFromLine + 1;
    } else {
      let lines = 0;
      for (let i = this.buffer.indexOf("\n"); i >= 0 && i < keep; i = this.buffer.indexOf("\n", i + 1)) lines++;
      this.baseLine += lines;
    }
    this.buffer = this.buffer.slice(keep);
    this.base += keep;
  }
};
function keepFrameLines(findings, lines, first, into) {
  for (const { line } of findings) {
    for (let n = Math.max(first, line - FRAME_LINES); n <= line; n++) {
      if (!into.has(n)) into.set(n, ownCopy(lines.line(n)));
    }
  }
}

// src/core/engine.ts
function lintSource(file, text, options) {
  const json = parseJsonFirst(text, options.format ?? "auto");
  return json ? lintParsed(file, text, json, options) : lintYamlText(file, text, options);
}

// src/cli/files.ts
function decodeText(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) {
    if (bytes[2] === 0 && bytes[3] === 0) return { error: "is UTF-32, which is not read (save it as UTF-8)" };
    return utf16(bytes, "utf-16le");
  }
  if (bytes[0] === 254 && bytes[1] === 255) return utf16(bytes, "utf-16be");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: `is not valid UTF-8 (${invalidUtf8At(bytes)})` };
  }
}
function utf16(bytes, encoding) {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { error: `starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}` };
  }
}
function invalidUtf8At(bytes) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 10) {
      line++;
      lineStart = i + 1;
    }
    const length = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 192) === 128;
    if (valid && length === 3) {
      const c = (b & 15) << 12 | (bytes[i + 1] & 63) << 6;
      valid = c >= 2048 && (c < 55296 || c > 57343);
    }
    if (valid && length === 4) {
      const c = (b & 7) << 18 | (bytes[i + 1] & 63) << 12;
      valid = c >= 65536 && c <= 1114111;
    }
    if (!valid) return `line ${line}, byte ${i - lineStart + 1} of the line: 0x${b.toString(16).padStart(2, "0")}`;
    i += length;
  }
  return "a truncated character at the end";
}
var MANIFEST = /\.(ya?ml|json)$/i;
function expandPaths(paths, skip) {
  const out = [];
  for (const path of paths) {
    if (path === "-") {
      out.push({ file: "-" });
      continue;
    }
    let stats;
    try {
      stats = (0, import_node_fs2.statSync)(path);
    } catch (error) {
      out.push({ file: path, error: describe2(error) });
      continue;
    }
    if (stats.isDirectory()) walk(path, out, skip, (0, import_node_fs2.realpathSync)(path));
    else out.push({ file: path });
  }
  return out;
}
function insideTree(path, root) {
  try {
    const real = (0, import_node_fs2.realpathSync)(path);
    return real.startsWith(root.endsWith(import_node_path2.sep) ? root : root + import_node_path2.sep) && (0, import_node_fs2.statSync)(real).isFile();
  } catch {
    return false;
  }
}
function walk(dir, out, skip, root) {
  let entries;
  try {
    entries = (0, import_node_fs2.readdirSync)(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: describe2(error) });
    return;
  }
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    const path = (0, import_node_path2.join)(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      walk(path, out, skip, root);
    } else if (MANIFEST.test(entry.name) && !skip(path) && (entry.isFile() || entry.isSymbolicLink() && insideTree(path, root))) {
      out.push({ file: path });
    }
  }
}
function readInput(input, stdin) {
  if (input.error !== void 0) return input;
  try {
    if (input.file === "-") return { file: input.file, text: stdin() };
    return { file: input.file, ...decodeText((0, import_node_fs2.readFileSync)(input.file)) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return { file: input.file, error: describe2(error) };
  }
}
function describe2(error) {
  const e = error;
  switch (e.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    default:
      return e.message ?? String(error);
  }
}
function unreadableFinding(file, why) {
  return {
    rule: PARSE_ERROR_RULE,
    severity: "error",
    message: `cannot read ${file}: ${why}`,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: ""
  };
}

// src/cli/output/identity.ts
function findingIdentity(finding) {
  const { apiVersion = "", kind = "", namespace = "", name = "" } = finding.object ?? {};
  const object = `${apiVersion}/${kind}/${namespace}/${name}`;
  return `${finding.rule}\0${annotationPath(finding.file)}\0${object}\0${finding.container ?? ""}\0${finding.path}`;
}
var Occurrences = class {
  byFile = /* @__PURE__ */ new Map();
  /** Per file name (as annotationPath writes it), the files of that name not yet done. */
  filesLeft;
  constructor(fileNames2) {
    if (fileNames2 === void 0) return;
    this.filesLeft = /* @__PURE__ */ new Map();
    for (const name of fileNames2) {
      const path = annotationPath(name);
      this.filesLeft.set(path, (this.filesLeft.get(path) ?? 0) + 1);
    }
  }
  /**
   * How many findings of a file of this name had `key` (a 52-bit hash of what identifies the finding)
   * before this one. A number rather than the identity itself: a stream of 180,000 findings held 90 MiB
   * of identities to its end. Two identities whose hashes collide (about one report in a million of that
   * size) share one count: the second's fingerprint then hashes a number too, still unique.
   */
  next(file, key) {
    const path = annotationPath(file);
    let seen = this.byFile.get(path);
    if (seen === void 0) {
      seen = /* @__PURE__ */ new Map();
      this.byFile.set(path, seen);
    }
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return occurrence;
  }
  /** A file's findings are all read. A name the constructor was not told of is kept to the end. */
  fileDone(file) {
    const path = annotationPath(file);
    const left = this.filesLeft?.get(path);
    if (this.filesLeft === void 0 || left === void 0) return;
    if (left > 1) this.filesLeft.set(path, left - 1);
    else {
      this.filesLeft.delete(path);
      this.byFile.delete(path);
    }
  }
  /** File names whose counts are held (for tests). */
  get held() {
    return this.byFile.size;
  }
};
function fileNames(report) {
  return report.names ?? (Array.isArray(report.files) ? report.files.map((f) => f.file) : void 0);
}
function sha256(text) {
  const crypto = process.getBuiltinModule("node:crypto");
  const digest = typeof crypto.hash === "function" ? crypto.hash("sha256", text) : void 0;
  return (digest ?? crypto.createHash("sha256").update(text).digest("hex")).slice(0, 32);
}

// src/cli/output/json.ts
var JSON_VERSION = 2;
function edit(e) {
  return structuredClone(e);
}
function fix(f) {
  return { description: f.description, edits: f.edits.map(edit) };
}
function property(sep3, indent, key, value) {
  if (value === void 0) return "";
  return `${sep3}
${indent}"${key}": ${typeof value === "string" ? quote(value) : JSON.stringify(value)}`;
}
function number(value) {
  return Number.isFinite(value) ? String(value) : "null";
}
var ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
function quote(text) {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}
function nested(sep3, indent, key, value) {
  return `${sep3}
${indent}"${key}": ${JSON.stringify(value, null, 2).replaceAll("\n", `
${indent}`)}`;
}
var IN_FINDING = "      ";
var IN_OBJECT = "        ";
function escapeInner(text) {
  return ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}
var escapedRepeating = rememberedEscape(escapeInner);
var messageThenExplanation = rememberedEscape(
  (message) => `${escapeInner(message)}",
${IN_FINDING}"explanation": "`
);
function writeFinding(finding, write) {
  let out = `    {
${IN_FINDING}"rule": ${quote(finding.rule)},
${IN_FINDING}"severity": ${quote(finding.severity)},
${IN_FINDING}"message": "`;
  write(out);
  const explanation = finding.explanation;
  const parts = explanation ? explanationParts(finding) : void 0;
  if (parts && !splitsPair(parts)) {
    write(messageThenExplanation(finding.message), true);
    for (const part of parts) write(escapedRepeating(part), true);
  } else {
    write(escapedRepeating(finding.message), true);
    if (explanation) write(`",
${IN_FINDING}"explanation": ${quote(explanation).slice(0, -1)}`);
  }
  out = `",
${IN_FINDING}"file": ${quote(finding.file)},
${IN_FINDING}"line": ${number(finding.line)},
${IN_FINDING}"column": ${number(finding.column)},
${IN_FINDING}"endLine": ${number(finding.endLine)},
${IN_FINDING}"endColumn": ${number(finding.endColumn)},
${IN_FINDING}"path": "${escapedRepeating(finding.path)}"`;
  const ref = finding.object;
  if (ref) {
    let object = "";
    let inner = "";
    for (const key of ["apiVersion", "kind", "namespace", "name"]) {
      const text = property(inner, IN_OBJECT, key, ref[key]);
      if (text) {
        object += text;
        inner = ",";
      }
    }
    if (object) out += `,
${IN_FINDING}"object": {${object}
${IN_FINDING}}`;
  }
  if (finding.container !== void 0) out += property(",", IN_FINDING, "container", finding.container);
  const targets = finding.targets;
  if (targets) out += `,
${IN_FINDING}"targets": ${targetsText(targets)}`;
  if (finding.fix) out += `,
${IN_FINDING}"fix": ${fixText(finding.fix)}`;
  if (finding.suggestion) out += `,
${IN_FINDING}"suggestion": ${fixText(finding.suggestion)}`;
  if (finding.evidence) {
    const evidence = finding.evidence.map((e) => ({
      text: e.text,
      label: e.label,
      path: e.path,
      line: e.line,
      column: e.column
    }));
    out += nested(",", IN_FINDING, "evidence", evidence);
  }
  write(`${out}
    }`);
}
var fixTexts = /* @__PURE__ */ new WeakMap();
function fixText(f) {
  let text = fixTexts.get(f);
  if (text === void 0) {
    text = JSON.stringify(fix(f), null, 2).replaceAll("\n", `
${IN_FINDING}`);
    fixTexts.set(f, text);
  }
  return text;
}
var targetsTexts = /* @__PURE__ */ new WeakMap();
function targetsText(targets) {
  let text = targetsTexts.get(targets);
  if (text === void 0) {
    const copy = targets.map((t) => ({
      target: t.target,
      outcome: t.outcome,
      detail: t.detail,
      ...t.legacy ? { legacy: true } : {}
    }));
    text = JSON.stringify(copy, null, 2).replaceAll("\n", `
${IN_FINDING}`);
    targetsTexts.set(targets, text);
  }
  return text;
}
var writeJson = (report, _options, write) => {
  write(`{
  "version": ${JSON_VERSION},
  "findings": `);
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      write(first ? "[\n" : ",\n");
      writeFinding(finding, write);
      first = false;
    }
  }
  const { files, documents, errors, warnings, infos } = report.summary;
  const summary = { files, documents, errors, warnings, infos };
  const tail = JSON.stringify(summary, null, 2).replaceAll("\n", "\n  ");
  write(`${first ? "[]" : "\n  ]"},
  "summary": ${tail}
}
`);
};
var formatJson = toText(writeJson);

// src/cli/output/outcomes.ts
function outcomeLister(line) {
  const made = /* @__PURE__ */ new WeakMap();
  return (list) => {
    let text = made.get(list);
    if (text === void 0) {
      text = list.filter((t) => t.outcome !== "applied").map(line).join("\n");
      made.set(list, text);
    }
    return text;
  };
}

// src/cli/output/sarif.ts
var INFORMATION_URI = "https://github.com/capdoctor/capdoctor";
var FINGERPRINT_KEY = "capdoctor/v2";
var LEVEL = { error: "error", warning: "warning", info: "note" };
var SECURITY_SEVERITY = { error: "7.5", warning: "5.0", info: "2.0" };
var SEGMENT_SAFE = /%(24|26|2B|2C|3B|3D|40)/gi;
function encodeSegment(segment, allowColon) {
  const encoded = encodeURIComponent(segment).replace(SEGMENT_SAFE, (match) => decodeURIComponent(match));
  return allowColon ? encoded.replace(/%3A/gi, ":") : encoded;
}
function artifactUri(file) {
  if (file === lastFile2) return lastUri;
  lastUri = fileUri(file);
  lastFile2 = file;
  return lastUri;
}
var lastFile2;
var lastUri = "";
function fileUri(file) {
  if (file === "-") return "stdin";
  let path = file.replace(/\\/g, "/");
  while (path.startsWith("./")) path = path.slice(2);
  const drive = /^[A-Za-z]:\//.test(path);
  if (drive || path.startsWith("/")) {
    const segments = path.replace(/^\/+/, "").split("/");
    return `file:///${segments.map((s, i) => encodeSegment(s, drive && i === 0)).join("/")}`;
  }
  return path.split("/").map((s, i) => encodeSegment(s, i > 0)).join("/");
}
function problemPart(message) {
  let problem = problems.get(message);
  if (problem === void 0) {
    problem = (message.split(" \u2014 ")[0] ?? message).trim();
    if (problems.size >= PROBLEMS_LIMIT) problems.clear();
    problems.set(message, problem);
  }
  return problem;
}
var problems = /* @__PURE__ */ new Map();
var PROBLEMS_LIMIT = 4096;
function fingerprint(finding, occurrence = 0) {
  const key = fingerprintKey(finding);
  return occurrence === 0 ? sha256(key) : sha256(`${key}\0${occurrence}`);
}
function fingerprintKey(finding) {
  return `${findingIdentity(finding)}\0${problemPart(finding.message)}`;
}
function stripMarkdown(markdown) {
  return markdown.replace(/`/g, "");
}
function descriptor(meta) {
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    help: { text: stripMarkdown(meta.docs), markdown: meta.docs },
    helpUri: `${INFORMATION_URI}/blob/main/docs/rules/${meta.id}.md`,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: [.../* @__PURE__ */ new Set(["security", ...meta.tags ?? []])],
      precision: "very-high",
      "security-severity": SECURITY_SEVERITY[meta.severity]
    }
  };
}
var targetsMarkdown = outcomeLister(
  (t) => `- ${escapeMarkdown(t.target)}: ${t.outcome}${t.detail ? ` \u2014 ${escapeMarkdown(t.detail)}` : ""}`
);
function escapeMarkdown(text) {
  return MARKDOWN.test(text) ? text.replace(MARKDOWN_ALL, (c) => `\\${c}`) : text;
}
var MARKDOWN = /[\\*[\]<>]/;
var MARKDOWN_ALL = /[\\*[\]<>]/g;
function region(finding) {
  const startLine = Math.max(1, finding.line);
  const startColumn = Math.max(1, finding.column);
  const endLine = Math.max(startLine, finding.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn + 1, finding.endColumn) : Math.max(1, finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}
var escapedMarkdown = rememberedEscape((text) => escapeInner(escapeMarkdown(text)));
var messageTexts = rememberedEscape(
  (message) => `${escapeInner(message)}",
${RESULT_INDENT}    "markdown": "${escapeInner(`**${escapeMarkdown(message)}**`)}`
);
var targetsTexts2 = rememberedEscape((targets) => escapeInner(`

${targets}`));
function writeMarkdown(finding, write) {
  const explanation = finding.explanation;
  if (explanation) {
    write("\\n\\n");
    const parts = explanationParts(finding);
    if (parts && !splitsPair(parts)) for (const part of parts) write(escapedMarkdown(part), true);
    else write(escapeInner(escapeMarkdown(explanation)));
  }
  const targets = finding.targets && targetsMarkdown(finding.targets);
  if (targets) write(targetsTexts2(targets), true);
}
function writeResult(finding, ruleIndex, print, write) {
  const at = `
${RESULT_INDENT}`;
  const index = ruleIndex.get(finding.rule);
  const { startLine, startColumn, endLine, endColumn } = region(finding);
  write(
    `{${at}  "ruleId": ${quote(finding.rule)},` + (index === void 0 ? "" : `${at}  "ruleIndex": ${number(index)},`) + `${at}  "level": ${quote(LEVEL[finding.severity])},${at}  "message": {${at}    "text": "`
  );
  write(messageTexts(finding.message), true);
  writeMarkdown(finding, write);
  write(
    `"${at}  },${at}  "locations": [${at}    {${at}      "physicalLocation": {${at}        "artifactLocation": {${at}          "uri": ${quote(artifactUri(finding.file))}${at}        },${at}        "region": {${at}          "startLine": ${number(startLine)},${at}          "startColumn": ${number(startColumn)},${at}          "endLine": ${number(endLine)},${at}          "endColumn": ${number(endColumn)}${at}        }${at}      }${at}    }${at}  ],${at}  "partialFingerprints": {${at}    ${quote(FINGERPRINT_KEY)}: ${quote(print)}${at}  }${at}}`
  );
}
var RESULTS_MARK = "\0results\0";
var RESULT_INDENT = " ".repeat(8);
var writeSarif = (report, options, write) => {
  const ruleIndex = /* @__PURE__ */ new Map();
  options.rules.forEach((meta, i) => {
    if (!ruleIndex.has(meta.id)) ruleIndex.set(meta.id, i);
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "capdoctor",
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: options.rules.map(descriptor)
          }
        },
        columnKind: "utf16CodeUnits",
        results: RESULTS_MARK
      }
    ]
  };
  const text = JSON.stringify(log, null, 2);
  const at = text.indexOf(JSON.stringify(RESULTS_MARK));
  write(text.slice(0, at));
  const occurrences2 = new Occurrences(fileNames(report));
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      write(`${first ? "[\n" : ",\n"}${RESULT_INDENT}`);
      const print = fingerprint(finding);
      const occurrence = occurrences2.next(file.file, Number.parseInt(print.slice(0, 13), 16));
      writeResult(finding, ruleIndex, occurrence === 0 ? print : fingerprint(finding, occurrence), write);
      first = false;
    }
    occurrences2.fileDone(file.file);
  }
  write(`${first ? "[]" : "\n      ]"}${text.slice(at + JSON.stringify(RESULTS_MARK).length)}
`);
};
var formatSarif = toText(writeSarif);

// src/knowledge/predict.ts
var PREFIX = /^cap_/i;
var OCI_KNOWN_BY_ALL = 37;
function render(template, input, name) {
  return template.replaceAll("{input}", input).replaceAll("{name}", name);
}
function runtimeName(engine, input) {
  switch (engine.naming) {
    case "bare":
      return input;
    case "prefix-always":
      return `CAP_${input.toUpperCase()}`;
    case "normalize": {
      const upper = input.toUpperCase();
      return upper.startsWith("CAP_") ? upper : `CAP_${upper}`;
    }
    case "prefix-required":
      return input.toUpperCase();
  }
}
function lookup(engine, input, name) {
  if (engine.naming === "bare") return CAPABILITY_BY_NAME.get(input.toUpperCase());
  const upper = name.toUpperCase();
  return upper.startsWith("CAP_") ? CAPABILITY_BY_NAME.get(upper.slice(4)) : void 0;
}
function describeName(input, name) {
  return name === input ? `"${input}"` : `"${input}" (looked up as ${name})`;
}
function predict(target, direction, input) {
  const engine = target.engine;
  if (!engine) return { outcome: "unknown", detail: "no container runtime in this target", citations: [] };
  const citations = engine.citations;
  if (input.trim().toUpperCase() === "ALL" && input === input.trim()) {
    const keeps = direction === "drop" && engine.all === "any-case" ? dropAllKeepsDefaults(engine, target.engineVersion) : "none";
    if (keeps !== "none") {
      const fix3 = engine.dropAllFix;
      const back = `add${keeps === "all" ? "s" : ""} the default capabilities back after drop ALL (${engine.defaults.join(", ")})`;
      const fixed = fix3 ? `; ${fix3.detail}` : "";
      const sources2 = [...citations, ...fix3?.citations ?? []];
      if (keeps === "all") return { outcome: "ignored", detail: `${engine.label} ${back}${fixed}`, citations: sources2 };
      const version = target.engineVersion?.text ?? "";
      return {
        outcome: "unknown",
        detail: `some ${engine.engine}@${version} patch releases ${back}, others do not${fixed}: name the patch release (e.g. ${engine.engine}@${version}.0)`,
        citations: sources2
      };
    }
    if (engine.all === "any-case") {
      return {
        outcome: "applied",
        detail: direction === "add" ? "ALL grants every capability" : "ALL drops every capability",
        citations
      };
    }
    return { outcome: "unknown", detail: `${engine.label}: how ALL is handled is not known`, citations };
  }
  if (engine.naming === "prefix-required" && !PREFIX.test(input)) {
    const why2 = `${engine.label} needs the CAP_ prefix`;
    const handling2 = direction === "add" ? engine.unknownAdd : engine.unknownDrop;
    if (handling2.action === "reject") {
      const message = engine.prefixRequiredMessage ?? handling2.message;
      return reject(engine, direction, { ...handling2, message }, input, runtimeName(engine, input), why2);
    }
    return {
      outcome: "ignored",
      runtimeName: input,
      detail: `${why2}: ${notApplied(direction, input)}`,
      citations
    };
  }
  const name = runtimeName(engine, input);
  const capability = lookup(engine, input, name);
  const knownToEngine = capability !== void 0 && (engine.knownMax === void 0 || capability.number <= engine.knownMax);
  const inKernel = capability === void 0 || target.kernel === void 0 || kernelHasCapability(capability, target.kernel);
  if (capability && knownToEngine && inKernel) {
    if (engine.unknownAdd.action === "oci" && direction === "add") {
      return viaOci(target, engine, input, name, capability, "known");
    }
    return {
      outcome: "applied",
      runtimeName: name,
      capability: capability.name,
      detail: `${engine.label} ${direction === "add" ? "grants" : "drops"} ${capability.name}`,
      citations
    };
  }
  let why;
  if (!capability) why = `${engine.label} does not know ${describeName(input, name)}`;
  else if (!knownToEngine)
    why = `${engine.label} does not know ${capability.name} (added in Linux ${capability.kernel})`;
  else why = `${capability.name} needs Linux ${capability.kernel}; the target kernel is ${target.kernel?.join(".")}`;
  const unavailable = capability !== void 0 && knownToEngine && !inKernel;
  let handling = unavailable && engine.unavailable ? engine.unavailable[direction] : direction === "add" ? engine.unknownAdd : engine.unknownDrop;
  const variant = direction === "add" ? engine.unknownAddIn : void 0;
  if (variant) {
    const coverage = target.engineVersion ? releaseCoverage(target.engineVersion, variant.releases) : "some";
    if (coverage === "some") {
      const version = target.engineVersion?.text ?? "";
      return {
        outcome: "unknown",
        runtimeName: name,
        neverApplied: true,
        detail: `${why}: ${variant.detail}; name the patch release (e.g. ${engine.engine}@${version}.0)`,
        citations: [...citations, ...variant.citations]
      };
    }
    if (coverage === "all") handling = variant.handling;
  }
  if (handling.action === "oci") return viaOci(target, engine, input, name, capability, why);
  if (unavailable && direction === "drop" && handling.action === "ignore") {
    return {
      outcome: "applied",
      runtimeName: name,
      capability: capability.name,
      detail: `${why}: nothing to drop`,
      citations
    };
  }
  const sources = variant && handling === variant.handling ? [...citations, ...variant.citations] : citations;
  if (handling.action === "ignore") {
    const ignored = {
      outcome: "ignored",
      runtimeName: name,
      detail: `${why}: ${notApplied(direction, input)} (${handling.note})`,
      citations: sources
    };
    if (handling.message) ignored.message = render(handling.message, input, name);
    return ignored;
  }
  return reject(engine, direction, handling, input, name, why);
}
function notApplied(direction, input) {
  let bare = input.trim().toUpperCase();
  while (bare.startsWith("CAP_")) bare = bare.slice(4);
  const what = CAPABILITY_BY_NAME.has(bare) ? bare : "the capability";
  return direction === "add" ? `${what} is silently not granted` : `${what} is not dropped and stays in the container`;
}
function reject(engine, _direction, handling, input, name, why) {
  const message = render(handling.message, input, name);
  return {
    outcome: "rejected",
    status: handling.status,
    message,
    runtimeName: name,
    detail: `${why}: the container fails at ${handling.phase} with ${handling.status}: ${message}`,
    citations: engine.citations
  };
}
function viaOci(target, engine, input, name, capability, why) {
  const oci = target.oci;
  const citations = [...engine.citations, ...oci?.citations ?? []];
  const passes = `${engine.label} writes ${describeName(input, name)} into the OCI config unchecked`;
  const inKernel = capability === void 0 || target.kernel === void 0 || kernelHasCapability(capability, target.kernel);
  if (!oci) {
    if (capability && why === "known" && inKernel && capability.number <= OCI_KNOWN_BY_ALL) {
      return {
        outcome: "applied",
        runtimeName: name,
        capability: capability.name,
        detail: `${engine.label} grants ${capability.name} (every runc and crun release knows it)`,
        citations
      };
    }
    return {
      outcome: "unknown",
      runtimeName: name,
      // No runc or crun release grants a name it does not know, or one the kernel lacks.
      neverApplied: capability === void 0 || !inKernel,
      detail: `${passes}; the OCI runtime decides: runc \u22641.0.0-rc93 and crun \u22640.18 or \u22651.29 fail the start (RunContainerError), runc \u22651.0.0-rc94 and crun 0.19\u20131.28 silently skip it. ${target.ociNote ?? ""}`.trim(),
      citations
    };
  }
  const known = capability !== void 0 && capability.number <= oci.knownMax && why === "known";
  if (known && inKernel) {
    return {
      outcome: "applied",
      runtimeName: name,
      capability: capability?.name,
      detail: `${engine.label} with ${oci.label} grants ${capability?.name}`,
      citations
    };
  }
  let reason2;
  if (!inKernel && capability) {
    reason2 = `${capability.name} needs Linux ${capability.kernel}; the target kernel is ${target.kernel?.join(".")}, so ${oci.label} cannot grant it`;
  } else if (why !== "known") reason2 = `${passes}; ${oci.label} does not know it`;
  else reason2 = `${oci.label} does not know ${name}`;
  if (oci.unknown.action === "reject") {
    const message = render(oci.unknown.message, input, name);
    return {
      outcome: "rejected",
      status: oci.unknown.status,
      message,
      runtimeName: name,
      detail: `${reason2}: the container fails at start with ${oci.unknown.status}: ${message}${assumed(target)}`,
      citations
    };
  }
  const note = oci.unknown.action === "ignore" ? render(oci.unknown.note, input, name) : "";
  return {
    outcome: "ignored",
    runtimeName: name,
    message: note,
    detail: `${reason2}: the container starts, but ${notApplied("add", input)} (${note})${assumed(target)}`,
    citations
  };
}
function assumed(target) {
  return target.ociNote && target.oci ? `; ${target.ociNote}` : "";
}
function dropAllKeepsDefaults(engine, version) {
  const fact = engine.dropAllKeepsDefaults;
  if (fact === void 0 || fact === false) return "none";
  if (fact === true) return "all";
  return version ? releaseCoverage(version, fact) : "some";
}
function nonRootStart(target) {
  const facts = target.engine?.nonRoot;
  const version = target.engineVersion;
  const cover = (releases) => releases === void 0 ? "none" : version ? releaseCoverage(version, releases) : "some";
  const ambient = cover(facts?.ambient?.releases);
  const out = {
    ambient,
    ambientDefaults: facts?.ambient?.defaults === true,
    boundingOnly: cover(facts?.boundingOnly?.releases),
    citations: [...facts?.ambient?.citations ?? [], ...facts?.boundingOnly?.citations ?? []]
  };
  if (ambient !== "none" && facts?.ambient) out.detail = facts.ambient.detail;
  return out;
}

// src/parse/edit.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/knowledge/kubernetes.ts
var PSS_BASELINE_ALLOWED_ADD = /* @__PURE__ */ new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT"
]);
var PSS_RESTRICTED_ALLOWED_ADD = /* @__PURE__ */ new Set(["NET_BIND_SERVICE"]);
var PSA_POD_SPEC_KINDS = /* @__PURE__ */ new Set([
  "Pod",
  "ReplicationController",
  "PodTemplate",
  "ReplicaSet",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob"
]);
var PSS_FACTS = {
  baseline: {
    since: "1.22",
    citations: [
      "kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_baseline.go",
      "kubernetes/pod-security-admission:test/testdata/baseline/v1.0/fail/capabilities_baseline2.yaml (lower-case chown fails)",
      "kubernetes/pod-security-admission:test/testdata/baseline/v1.0/fail/capabilities_baseline3.yaml (CAP_CHOWN fails)"
    ]
  },
  restricted: {
    since: "1.22",
    /** Policy version from which pods with spec.os.name=windows are exempt. */
    windowsExemptSince: "1.25",
    citations: [
      "kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_restricted.go",
      "kubernetes/pod-security-admission@v0.25.0:policy/check_capabilities_restricted.go (capabilitiesRestricted_1_25)"
    ]
  },
  docs: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  scopeCitation: "kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:admission/admission.go"
};
var API_SYS_ADMIN_CHECK = {
  since: "1.8",
  message: "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
  privilegedMessage: "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
  /**
   * PR #138834 relaxes the check in two steps (its description and release note): updates of existing pods
   * first, new pods in a later release. What the release records show:
   * - 1.36.0 cannot have it: k8s.io/api tagged v0.37.0-alpha.0 on master on 2026-04-09 and v0.36.0 on
   *   2026-04-22, both before the PR was opened (2026-05-06). 1.36 patch releases were not checked.
   * - Its release note is in neither the v1.37.0-alpha.1 notes (changes since v1.36.0) nor the v1.38.0-alpha.1
   *   notes (changes since v1.37.0, so everything merged after 1.37 branched). It therefore merged between
   *   1.37.0-alpha.1 and the 1.37 branch, and 1.37 is the first release with the update-only step. The 1.37
   *   validation code itself, and whether a feature gate guards it, were not read.
   * - The v1.38.0-alpha.1 notes have no change that accepts new pods either: the second step had not landed by
   *   then, and its release is not known.
   */
  relaxation: "kubernetes/kubernetes PR #138834 relaxes this check in two steps: its first release (1.37; the 1.37 code is not verified) accepts the combination only on updates of existing pods and still rejects new ones; accepting new pods is left to a later release, which had not happened by 1.38.0-alpha.1",
  relaxationCitations: [
    "kubernetes/kubernetes PR #138834 (description and release note: updates first, pod creation in a later release)",
    "kubernetes/api@v0.37.0-alpha.0 (2026-04-09) and kubernetes/api@v0.36.0 (2026-04-22): 1.36 was cut before the PR was opened",
    "kubernetes/kubernetes@df0a31e010eab41eb769fbd6ecb09391707bd2eb:CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1 notes: #138834 not listed)",
    "kubernetes/kubernetes@5e9fea7dbb7dca5d45773b5899b62f299bc914bb:CHANGELOG/CHANGELOG-1.38.md (v1.38.0-alpha.1 notes since v1.37.0: neither #138834 nor a relaxation for new pods)"
  ],
  citations: [
    "kubernetes/kubernetes@000f26050b9be6fb3d79fae95e06b47fc96128cd:pkg/apis/core/validation/validation.go ValidateSecurityContext",
    "kubernetes/kubernetes PR #52803 (added in 1.8)",
    "kubernetes/kubernetes#119568",
    "kubernetes/kubernetes#131336"
  ]
};
var WINDOWS_FACTS = {
  message: "Forbidden: cannot be set for a windows pod",
  /** KEP-2802 IdentifyPodOS: alpha 1.23 (off), beta 1.24 (on), GA 1.25. */
  enforcedSince: "1.24",
  introduced: "1.23",
  citations: [
    "kubernetes/kubernetes@000f26050b9be6fb3d79fae95e06b47fc96128cd:pkg/apis/core/validation/validation.go validateWindows",
    "kubernetes/enhancements:keps/sig-windows/2802-identify-windows-pods-apiserver-admission/kep.yaml"
  ]
};
var POD_LEVEL_FACTS = {
  strictSince: "1.25",
  kubectlStrictSince: "1.24",
  strictMessage: 'strict decoding error: unknown field "spec.securityContext.capabilities"',
  citations: [
    "kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go PodSecurityContext",
    "kubernetes/enhancements:keps/sig-api-machinery/2885-server-side-unknown-field-validation/kep.yaml",
    "kubernetes/kubectl@dee3483a3d6a64c07fdf746caf80af446dee99ac:pkg/cmd/util/helpers.go --validate"
  ]
};
var NAME_HANDLING_CITATIONS = [
  "kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go type Capability",
  "kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context.go convertToRuntimeCapabilities",
  "kubernetes/kubernetes#119569"
];
var PSP_FACTS = {
  wildcard: "*",
  removedIn: "1.25",
  citations: [
    "kubernetes/kubernetes:pkg/security/podsecuritypolicy/capabilities/capabilities.go (makeCapSet, Validate)",
    "kubernetes/api@v0.24.0:policy/v1beta1/types.go"
  ]
};

// src/knowledge/names.ts
var PREFIX2 = /^cap_/i;
var analysed = /* @__PURE__ */ new Map();
function analyzeName(value) {
  if (typeof value !== "string") {
    return { prefixes: 0, bare: String(value), isAll: false, canonical: false, padded: false };
  }
  const known = analysed.get(value);
  if (known) return known;
  let rest = value.trim();
  let prefixes = 0;
  while (PREFIX2.test(rest)) {
    rest = rest.slice(4);
    prefixes++;
  }
  const bare = rest.toUpperCase();
  const capability = CAPABILITY_BY_NAME.get(bare);
  const isAll = bare === "ALL";
  const analysis = {
    text: value,
    prefixes,
    bare,
    isAll,
    canonical: (capability !== void 0 || isAll) && value === bare,
    padded: value !== value.trim()
  };
  if (capability) analysis.capability = capability;
  if (analysed.size >= 1e3) analysed.clear();
  analysed.set(ownCopy(value), Object.freeze(analysis));
  return analysis;
}
function distance(a, b) {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}
var suggested = /* @__PURE__ */ new Map();
var SUGGESTED_LIMIT = 4096;
function suggestNames(bare) {
  let known = suggested.get(bare);
  if (!known) {
    if (suggested.size >= SUGGESTED_LIMIT) suggested.clear();
    known = scoreNames(bare);
    suggested.set(bare, known);
  }
  return [...known];
}
function scoreNames(bare) {
  if (bare === "") return [];
  const scored = /* @__PURE__ */ new Map();
  const limit = bare.length <= 5 ? 1 : 2;
  for (const cap of CAPABILITIES) {
    if (Math.abs(cap.name.length - bare.length) > limit) continue;
    const d = distance(bare, cap.name);
    if (d <= limit) scored.set(cap.name, d);
  }
  const words = bare.split(/[_\s-]+/).filter(Boolean);
  if (words.length > 1) {
    for (let i = 0; i < words.length; i++) {
      const candidate = [...words.slice(0, i), ...words.slice(i + 1)].join("_");
      if (CAPABILITY_BY_NAME.has(candidate) && !scored.has(candidate)) scored.set(candidate, 1.5);
    }
  }
  const joined = words.join("_");
  if (joined !== bare && CAPABILITY_BY_NAME.has(joined)) scored.set(joined, 0.5);
  return [...scored.entries()].sort((a, b) => a[1] - b[1] || compareNames(a[0], b[0])).map(([name]) => name);
}
function compareNames(a, b) {
  const x = a.replaceAll("_", " ");
  const y = b.replaceAll("_", " ");
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/rules/support.ts
function nameSites(extracted) {
  const sites = [];
  for (const owner of extracted.owners) {
    for (const list of owner.lists) {
      for (const entry of list.entries) sites.push({ entry, list, owner, name: analyzeName(entry.value) });
    }
  }
  return sites;
}
var composeDefaults;
function targetsFor(targets, owner) {
  if (owner.kind !== "compose") return targets;
  const engines = targets.filter((t) => t.engine?.engine === "docker" || t.engine?.engine === "podman");
  if (engines.length > 0) return engines;
  composeDefaults ??= resolveTargets([]).filter((t) => t.engine?.engine === "docker" || t.engine?.engine === "podman");
  return composeDefaults;
}
function isPrivileged(owner) {
  return owner.securityContext?.privileged === true;
}
function predictEntry(target, direction, input, entry = {}) {
  const prediction = predict(target, direction, input);
  const facts = target.engine?.privileged;
  if (!entry.privileged || !facts || facts.listsIgnored !== true) return prediction;
  if (prediction.outcome === "rejected" && facts.namesChecked && prediction.status === "CreateContainerError") {
    return {
      ...prediction,
      detail: `${prediction.detail} (names are checked even for a privileged container)`,
      citations: [...prediction.citations, ...facts.namesCheckedCitations ?? []]
    };
  }
  return {
    outcome: "applied",
    detail: `${facts.detail}: the container is privileged, so this entry changes nothing`,
    citations: facts.citations,
    privilegedSkip: true
  };
}
var EVALUATED_LIMIT = 4096;
var evaluations = /* @__PURE__ */ new WeakMap();
function evaluate(targets, direction, input, entry = {}) {
  let cache = evaluations.get(targets);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    evaluations.set(targets, cache);
  }
  const key = `${direction}\0${entry.privileged === true ? "privileged" : ""}\0${input}`;
  let known = cache.get(key);
  if (!known) {
    if (cache.size >= EVALUATED_LIMIT) cache.clear();
    known = targets.map((target) => ({ target, prediction: predictEntry(target, direction, input, entry), direction }));
    cache.set(key, known);
  }
  return known;
}
function targetName(target) {
  return target.matrix || target.id === target.label ? target.label : `${target.id} (${target.label})`;
}
var outcomesOf = /* @__PURE__ */ new WeakMap();
function toTargetOutcomes(evaluated) {
  let outcomes2 = outcomesOf.get(evaluated);
  if (!outcomes2) {
    outcomes2 = evaluated.map(({ target, prediction, direction }) => {
      const outcome = {
        target: target.matrix ? target.label : target.id,
        outcome: prediction.outcome,
        detail: prediction.detail
      };
      if (prediction.status) outcome.status = prediction.status;
      if (direction) outcome.list = direction;
      if (target.context) outcome.legacy = true;
      return outcome;
    });
    shareOutcomes(outcomes2);
    outcomesOf.set(evaluated, outcomes2);
  }
  return outcomes2;
}
function deciding(items) {
  return items.filter((e) => !e.target.context);
}
function contextOnly(items) {
  return items.filter((e) => e.target.context === true);
}
function failing(prediction) {
  return prediction.outcome === "rejected" || prediction.outcome === "ignored" || prediction.neverApplied === true;
}
function severityFromOutcomes(evaluated, otherwise) {
  const counted = deciding(evaluated);
  if (counted.some((e) => failing(e.prediction))) return "error";
  if (counted.some((e) => e.prediction.outcome === "unknown")) return otherwise === "error" ? "error" : "warning";
  return otherwise;
}
function ownerLabel(owner) {
  switch (owner.kind) {
    case "container":
      return `container "${owner.container?.name ?? "?"}"`;
    case "compose":
      return `compose service "${owner.label ?? "?"}"`;
    case "psp":
      return `PodSecurityPolicy "${owner.object?.ref.name ?? "?"}"`;
    case "scc":
      return `SecurityContextConstraints "${owner.object?.ref.name ?? "?"}"`;
    case "pod":
      return "the pod";
    default:
      return "this capability list";
  }
}
function reportBase(owner) {
  const base = {};
  if (owner.object) base.object = owner.object.ref;
  if (owner.container?.name !== void 0) base.container = owner.container.name;
  return base;
}
function replaceWith(path, value, description) {
  return { description, edits: [{ kind: "replace-scalar", path, value }] };
}
function removeItem(path, description) {
  return { description, edits: [{ kind: "remove-item", path }] };
}
function quote2(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
var versionsOf = /* @__PURE__ */ new WeakMap();
function kubernetesVersions(targets) {
  const known = versionsOf.get(targets);
  if (known) return known;
  const seen = /* @__PURE__ */ new Map();
  for (const t of targets) if (t.kubernetes) seen.set(t.kubernetes.parts.join("."), t.kubernetes);
  const versions = Object.freeze([...seen.values()].sort(compareVersions));
  versionsOf.set(targets, versions);
  return versions;
}
function admissionScope(kind, level) {
  if (kind === void 0 || kind === "Pod") return "";
  if (PSA_POD_SPEC_KINDS.has(kind)) {
    return ` For a ${kind}, admission only warns and audits; where ${level} is enforced it refuses the Pods the ${kind} creates.`;
  }
  return ` Pod Security admission does not evaluate a ${kind} itself; where ${level} is enforced it refuses the Pods created from it.`;
}
function joinAnd(items, word = "and") {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}
function labels(items) {
  return joinAnd([...new Set(items.map((e) => targetName(e.target)))]);
}
var described = /* @__PURE__ */ new WeakMap();
function describeOutcomes(evaluated, direction) {
  let words = described.get(evaluated);
  if (!words) {
    words = /* @__PURE__ */ new Map();
    described.set(evaluated, words);
  }
  let sentence = words.get(direction);
  if (sentence === void 0) {
    sentence = wordOutcomes(evaluated, direction);
    words.set(direction, sentence);
  }
  return sentence;
}
function wordOutcomes(evaluated, direction) {
  const main = describeDeciding(deciding(evaluated), direction);
  const legacy = legacyNote(evaluated, direction);
  return [main, legacy].filter(Boolean).join(" ");
}
function legacyNote(evaluated, direction) {
  const broken = contextOnly(evaluated).filter((e) => failing(e.prediction));
  if (broken.length === 0) return "";
  const rejected = broken.filter((e) => e.prediction.outcome === "rejected");
  const skipped = broken.filter((e) => e.prediction.outcome !== "rejected");
  const parts = [];
  if (rejected.length > 0) parts.push(`fails on ${legacyLabels(rejected)}`);
  if (skipped.length > 0) {
    parts.push(`${direction === "add" ? "is not granted" : "drops nothing"} on ${legacyLabels(skipped)}`);
  }
  return `Also ${parts.join(" and ")} (end of life).`;
}
function legacyLabels(items) {
  const names2 = [...new Set(items.map((e) => legacyName(e.target)))];
  const kept = names2.filter((name) => {
    const [engine, upTo] = name.split(" \u2264");
    if (upTo === void 0) return true;
    return !names2.some((other) => {
      const [otherEngine, otherUpTo] = other.split(" \u2264");
      return other !== name && otherEngine === engine && otherUpTo !== void 0 && compareLoose(otherUpTo, upTo) > 0;
    });
  });
  return joinAnd(kept);
}
function legacyName(target) {
  return target.matrix && MATRIX.find((p) => p.spec === target.id.split(",")[0])?.short || targetName(target);
}
function compareLoose(a, b) {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function describeDeciding(evaluated, direction) {
  const first = evaluated[0];
  if (!first) return "";
  if (evaluated.length === 1) return `On ${targetName(first.target)}: ${first.prediction.detail.replace(/\.$/, "")}.`;
  const parts = [];
  const refusals = /* @__PURE__ */ new Map();
  for (const e of evaluated) {
    if (e.prediction.outcome !== "rejected") continue;
    const status = e.prediction.status ?? "an error";
    refusals.set(status, [...refusals.get(status) ?? [], e]);
  }
  [...refusals].forEach(([status, items], i) => {
    const sample = items[0];
    const message = sample?.prediction.message?.replace(/\.$/, "");
    const source = items.length > 1 && sample ? `${targetName(sample.target)}: ` : "";
    const quoted = message ? ` (${source}${message})` : "";
    parts.push(`${i === 0 ? "the container fails " : ""}with ${status} on ${labels(items)}${quoted}`);
  });
  const by = (outcome) => evaluated.filter((e) => e.prediction.outcome === outcome);
  const ignored = by("ignored");
  if (ignored.length > 0) {
    const what = direction === "add" ? "the container starts without it" : "nothing is dropped";
    parts.push(`${what} on ${labels(ignored)}`);
  }
  const unknown = by("unknown");
  if (unknown.length > 0) parts.push(`the outcome on ${labels(unknown)} is not known`);
  const applied = by("applied");
  const skipped = applied.filter((e) => e.prediction.privilegedSkip);
  const works = applied.filter((e) => !e.prediction.privilegedSkip);
  if (works.length > 0) parts.push(`it works on ${labels(works)}`);
  if (skipped.length > 0) parts.push(`${labels(skipped)} skip the lists of a privileged container`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
function breaks(evaluated) {
  return deciding(evaluated).some((e) => failing(e.prediction));
}
function chooseSeverity(configured, ruleDefault, computed) {
  return configured === ruleDefault ? computed : configured;
}
function policyName(owner) {
  if (owner.kind === "psp") return "PodSecurityPolicy";
  if (owner.kind === "scc") return "SecurityContextConstraints";
  return void 0;
}
function entryLabel(list, index) {
  return `${list.field}[${index}]`;
}
var SHARED_TEXTS_LIMIT = 4096;
var sharedTexts = /* @__PURE__ */ new Map();
function sharedText(key, make) {
  let text = sharedTexts.get(key);
  if (text === void 0) {
    if (sharedTexts.size >= SHARED_TEXTS_LIMIT) sharedTexts.clear();
    text = make();
    sharedTexts.set(key, text);
  }
  return text;
}

// src/diagnose/read.ts
var LOG_START = /^(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:|[IWEF]\d{4} \d{2}:|time=")/;
var LOG_START_AT = new RegExp(LOG_START.source.slice(1), "y");

// src/diagnose/operations.ts
var CAPABILITIES_7 = "https://man7.org/linux/man-pages/man7/capabilities.7.html";
var OPERATIONS = [
  {
    id: "raw-socket",
    what: "opening a raw or packet socket",
    capability: "NET_RAW",
    syscall: "socket(AF_INET/AF_INET6, SOCK_RAW), socket(AF_PACKET)",
    kernel: "torvalds/linux@v6.6:net/ipv4/af_inet.c inet_create; net/packet/af_packet.c packet_create",
    keywords: [
      "raw device",
      "raw socket",
      "ip4:icmp",
      "ip6:ipv6-icmp",
      "to capture on that device",
      "SOCK_RAW",
      "AF_PACKET"
    ],
    patterns: [
      /Unable to open raw (?:device|socket):? \[?Operation not permitted/i,
      /raw socket.*(?:Operation not permitted|EPERM)/i,
      /listen ip[46]:(?:icmp|ipv6-icmp) \S+: socket: operation not permitted/i,
      /You don't have permission to (?:perform this )?capture on that device/,
      /socket\((?:AF_INET6?|PF_INET6?|AF_PACKET|PF_PACKET),[^)]*\).*(?:Operation not permitted|EPERM)/
    ],
    examples: [
      "[ERROR] Unable to open raw device: [Operation not permitted]",
      "listen ip4:icmp 0.0.0.0: socket: operation not permitted",
      "tcpdump: eth0: You don't have permission to capture on that device"
    ]
  },
  {
    id: "rtnetlink-change",
    what: "changing interfaces, addresses or routes over rtnetlink",
    capability: "NET_ADMIN",
    syscall: "sendmsg(NETLINK_ROUTE) with RTM_NEW*/RTM_DEL*/RTM_SET*",
    kernel: "torvalds/linux@v6.6:net/core/rtnetlink.c rtnetlink_rcv_msg (netlink_net_capable CAP_NET_ADMIN)",
    keywords: ["Netlink", "netlink"],
    patterns: [
      /[Nn]etlink(?: error)?:? (?:error: )?Operation not permitted(?:\(1\))?,? type=(?:RTM_(?:NEW|DEL|SET)\w*)?\(?\d*\)?/,
      /netlink: (?:RTM_(?:NEW|DEL|SET)\w*|sendmsg)[^:]*: (?:operation not permitted|EPERM)/i
    ],
    examples: [
      "Netlink: error: Operation not permitted(1), type=RTM_NEWADDR(20), seq=1563327313, pid=0",
      "Netlink: error: Operation not permitted, type=(20), seq=1474249733, pid=0"
    ]
  },
  {
    id: "socket-mark",
    what: "setting a firewall mark on a socket (SO_MARK)",
    capability: "NET_ADMIN",
    syscall: "setsockopt(SOL_SOCKET, SO_MARK)",
    kernel: "torvalds/linux@v6.6:net/core/sock.c sk_setsockopt SO_MARK (CAP_NET_ADMIN, or CAP_NET_RAW since 5.17)",
    keywords: ["SO_MARK", "fwmark"],
    patterns: [
      /(?:set|setting) SO_MARK.*operation not permitted/i,
      /SO_MARK.*EPERM/,
      /fwmark.*Operation not permitted/i
    ],
    examples: ["v2ray.com/core/transport/internet: failed to set SO_MARK > operation not permitted"]
  },
  {
    id: "bind-low-port",
    what: "binding a port below 1024",
    capability: "NET_BIND_SERVICE",
    syscall: "bind() to a port below net.ipv4.ip_unprivileged_port_start",
    kernel: "torvalds/linux@v6.6:net/ipv4/af_inet.c __inet_bind (inet_port_requires_bind_service)",
    keywords: ["listening socket for port", "bind"],
    patterns: [
      /failed to create listening socket for port (?<port>\d{1,4}): Permission denied/,
      /\bbind(?:\(\))?(?: to)? [^:]*:(?<port>\d{1,4})[^0-9].*(?:Permission denied|EACCES)/
    ],
    examples: ["dnsmasq: failed to create listening socket for port 53: Permission denied"]
  },
  {
    id: "sethostname",
    what: "changing the host name",
    capability: "SYS_ADMIN",
    syscall: "sethostname(2), setdomainname(2)",
    kernel: "torvalds/linux@v6.6:kernel/sys.c sethostname (ns_capable CAP_SYS_ADMIN)",
    keywords: ["host name", "sethostname"],
    patterns: [/you must be root to change the host name/, /sethostname.*(?:Operation not permitted|EPERM)/],
    examples: ["hostname: you must be root to change the host name"]
  },
  {
    id: "syslog-read",
    what: "reading the kernel log",
    capability: "SYSLOG",
    also: ["SYS_ADMIN"],
    syscall: "syslog(2) / klogctl (dmesg), with kernel.dmesg_restrict or the runtime\u2019s seccomp profile",
    kernel: "torvalds/linux@v6.6:kernel/printk/printk.c check_syslog_permissions",
    keywords: ["kernel buffer", "klogctl"],
    patterns: [/read kernel buffer failed: Operation not permitted/, /klogctl.*Operation not permitted/],
    examples: ["dmesg: read kernel buffer failed: Operation not permitted"]
  },
  {
    id: "mknod",
    what: "creating a device node",
    capability: "MKNOD",
    syscall: "mknod(2) of a character or block device",
    kernel: "torvalds/linux@v6.6:fs/namei.c vfs_mknod",
    keywords: ["mknod"],
    patterns: [/mknod(?: -m \d+)?:? \S+: Operation not permitted/, /mknod\([^)]*\).*(?:Operation not permitted|EPERM)/],
    examples: ["mknod: /dev/net/tun: Operation not permitted"],
    uncertain: "The device cgroup also answers EPERM for a device the container may not create; MKNOD alone may not be enough."
  },
  {
    id: "setuid-setgid",
    what: "changing the user or group ids",
    capability: "SETUID",
    also: ["SETGID"],
    syscall: "setuid/setresuid/setgid/setgroups(2)",
    kernel: "torvalds/linux@v6.6:kernel/sys.c __sys_setresuid (ns_capable_setid CAP_SETUID); kernel/groups.c may_setgroups",
    keywords: ["setgroups", "setuid", "setresuid", "setgid", "setresgid", "set groups"],
    patterns: [
      /\bset(?:res)?uid(?:\([^)]*\))?: Operation not permitted/,
      /\bset(?:res)?gid(?:\([^)]*\))?: Operation not permitted/,
      /\bsetgroups(?:\([^)]*\))?: Operation not permitted/,
      /cannot set groups: Operation not permitted/
    ],
    examples: ["su: cannot set groups: Operation not permitted", "setgroups: Operation not permitted"]
  },
  {
    id: "kill-other-user",
    what: "signalling a process of another user",
    capability: "KILL",
    syscall: "kill(2)",
    kernel: "torvalds/linux@v6.6:kernel/signal.c kill_ok_by_cred",
    keywords: ["kill"],
    patterns: [/\bkill: (?:\(\d+\) - |\d+: )Operation not permitted/],
    examples: ["kill: (1234) - Operation not permitted"]
  },
  {
    id: "setns",
    what: "entering another namespace",
    capability: "SYS_ADMIN",
    syscall: "setns(2), unshare(2)",
    kernel: "torvalds/linux@v6.6:kernel/nsproxy.c validate_nsset / the namespace install functions",
    keywords: ["reassociate to namespace", "unshare", "setns"],
    patterns: [
      /reassociate to namespaces? failed: Operation not permitted/,
      /\bunshare(?: failed)?: Operation not permitted/,
      /\bsetns(?:\([^)]*\))?(?: failed)?: Operation not permitted/
    ],
    examples: [
      "nsenter: reassociate to namespaces failed: Operation not permitted",
      "unshare failed: Operation not permitted"
    ],
    uncertain: "unshare of a user namespace needs no capability; seccomp profiles also block unshare and setns."
  },
  {
    id: "mount",
    what: "mounting a file system",
    capability: "SYS_ADMIN",
    syscall: "mount(2), umount(2), pivot_root(2)",
    kernel: "torvalds/linux@v6.6:fs/namespace.c may_mount (ns_capable CAP_SYS_ADMIN)",
    keywords: ["mount"],
    patterns: [
      /\b(?:u?mount|pivot_root)\((?:[^)]*)\)(?: failed)?:? .*(?:Operation not permitted|EPERM)/,
      /\bmount (?:\S+ )?(?:on|to) \S+: operation not permitted/i
    ],
    examples: [
      'mount("proc", "/proc", "proc", 0, NULL) failed: Operation not permitted',
      "mount proc to /proc: operation not permitted"
    ],
    uncertain: "AppArmor and seccomp profiles deny mount even with the capability; a denial in the input says which."
  },
  {
    id: "set-clock",
    what: "setting or adjusting the system clock",
    capability: "SYS_TIME",
    syscall: "settimeofday(2), clock_settime(2), adjtimex(2)",
    kernel: "torvalds/linux@v6.6:kernel/time/time.c do_sys_settimeofday64 (security_settime64 \u2192 cap_settime)",
    keywords: ["settimeofday", "clock_settime", "adjtimex", "clock_adjtime"],
    patterns: [/\b(?:settimeofday|clock_settime|clock_adjtime|adjtimex)\b.*(?:operation not permitted|EPERM)/i],
    examples: ["clock_adjtime(CLOCK_REALTIME): EPERM"]
  },
  {
    id: "raise-rlimit",
    what: "raising a hard resource limit",
    capability: "SYS_RESOURCE",
    rule: "ulimit-needs-sys-resource",
    syscall: "setrlimit(2), prlimit(2)",
    kernel: "torvalds/linux@v6.6:kernel/sys.c do_prlimit (capable CAP_SYS_RESOURCE)",
    keywords: ["rlimit", "prlimit"],
    patterns: [/\b(?:set|p)rlimit(?:64)?\b.*(?:operation not permitted|EPERM)/i],
    examples: ["prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1048576, rlim_max=1048576}, NULL) = -1 EPERM"]
  },
  {
    id: "ptrace",
    what: "tracing another process",
    capability: "SYS_PTRACE",
    syscall: "ptrace(2), process_vm_readv(2)",
    kernel: "torvalds/linux@v6.6:kernel/ptrace.c __ptrace_may_access",
    keywords: ["ptrace", "process_vm_readv"],
    patterns: [/\b(?:ptrace|process_vm_readv)\b.*(?:operation not permitted|EPERM)/i],
    examples: ["process_vm_readv: operation not permitted"]
  },
  {
    id: "chown",
    what: "changing the owner of a file",
    capability: "CHOWN",
    syscall: "chown(2), fchown(2), lchown(2)",
    kernel: "torvalds/linux@v6.6:fs/attr.c chown_ok (capable_wrt_inode_uidgid CAP_CHOWN)",
    keywords: ["chown"],
    patterns: [
      /\b[lf]?chown(?:at)? \S+: operation not permitted/i,
      /\b[lf]?chown(?:at)?\([^)]*\).*(?:Operation not permitted|EPERM)/
    ],
    examples: ["lchown /var/lib/data: operation not permitted"]
  },
  {
    id: "chroot",
    what: "changing the root directory",
    capability: "SYS_CHROOT",
    syscall: "chroot(2)",
    kernel: "torvalds/linux@v6.6:fs/open.c ksys_chroot / chroot (ns_capable CAP_SYS_CHROOT)",
    keywords: ["chroot"],
    patterns: [/\bchroot(?:\([^)]*\))? \S*:? ?operation not permitted/i],
    examples: ["chroot /var/empty: operation not permitted"]
  },
  {
    id: "file-capability-exec",
    what: "starting a program whose file capabilities the container may not have",
    capability: "",
    syscall: "execve(2) of a file with the effective bit set in its file capabilities",
    kernel: 'torvalds/linux@v6.6:security/commoncap.c cap_bprm_creds_from_file ("capability-dumb" binaries)',
    keywords: ["exec user process", "exec container process", "Operation not permitted"],
    patterns: [
      /exec user process caused:? "?operation not permitted/i,
      /exec container process `?[^`:]*`?: Operation not permitted/,
      /^(?:-?(?:ba|z|da)?sh): (?:line \d+: )?(?:\.{0,2}\/\S+|[\w.-]+): Operation not permitted$/
    ],
    examples: [
      'standard_init_linux.go:190: exec user process caused "operation not permitted"',
      "bash: ./elf_test: Operation not permitted"
    ],
    uncertain: "Which capability is read from the program\u2019s setcap or getcap line in the input, or from a run that added one; without either the capability stays unknown."
  }
];
var OPERATION_BY_ID = new Map(OPERATIONS.map((o) => [o.id, o]));
var operationSignatureId = (operation) => `operation-${operation.id}`;
var OPERATION_SIGNATURES = OPERATIONS.map((operation) => {
  const signature = {
    id: operationSignatureId(operation),
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: `${operation.what} was refused`,
    component: `the kernel (${operation.syscall})`,
    versions: "any",
    keywords: operation.keywords,
    patterns: operation.patterns,
    rule: operation.rule ?? "cap-missing",
    confidence: "medium",
    priority: operation.id === "file-capability-exec" ? 42 : 40,
    summary: operation.capability === "" ? `The program could not start: its file capabilities ask for {capability}, which the container may not have.` : `${capitalise(operation.what)} was refused: the kernel asks for {capability} for that, and the process does not have it.`,
    need: `${operation.what} needs it`,
    meaning: operation.capability === "" ? "A program with file capabilities and the effective bit set (setcap \u2026+ep) must get every capability in its file set at exec; when the container\u2019s bounding set lacks one, or no_new_privs (allowPrivilegeEscalation: false) blocks them, exec fails with EPERM before the program runs." : `${capitalise(operation.what)} needs CAP_${operation.capability} (capabilities(7)); the kernel answers EPERM without it. Read from the operation the line shows, not from a message of this program, so the capability is a reasoned guess.`,
    fix: operation.capability === "" ? "Add the capability of the program\u2019s setcap to the container, or remove the file capabilities from the image (setcap -r) and grant what the process needs at run time." : `Add ${operation.capability} to the container\u2019s capabilities (for a root process), or avoid the operation.`,
    citations: [CAPABILITIES_7, operation.kernel],
    examples: operation.examples
  };
  if (operation.capability !== "") signature.capability = operation.capability;
  if (operation.also) signature.also = operation.also;
  if (operation.uncertain) signature.uncertain = operation.uncertain;
  return signature;
});
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/diagnose/signatures.ts
var START_FAILURE_CITATIONS = [
  "kubernetes/kubernetes#33104",
  "containerd/cri#517",
  "kubernetes/kubernetes#81280",
  "kubernetes/kubernetes@v1.13.2:pkg/kubelet/kuberuntime/kuberuntime_manager.go"
];
var SIGNATURES = [
  // ---- The runtime refused or ignored a capability name ---------------------------------------
  {
    id: "docker-legacy-unknown-cap-add",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "Docker refused an added capability name at container start",
    component: "Docker Engine (daemon/caps TweakCapabilities), also behind dockershim and cri-dockerd",
    versions: "Docker 1.11\u201318.09; from 19.03 the prefix is accepted and the message changed",
    runtime: "Docker 1.11\u201318.09",
    keywords: ["Unknown capability to add"],
    patterns: [/Unknown capability to add: "(?<name>[^"\s]*)"/],
    reading: "prefixed-by-engine",
    direction: "add",
    confidence: "high",
    priority: 92,
    meaning: 'Docker up to 18.09 writes "CAP_" in front of every name in the add list, whatever the name already starts with, and refuses to start the container when the result is not a capability it knows. A manifest entry spelled CAP_X becomes CAP_CAP_X; a valid name can also be unknown when the node\u2019s kernel predates it.',
    fix: "Write the capability without the CAP_ prefix (SYS_RESOURCE, NET_ADMIN, \u2026), as Kubernetes expects.",
    citations: [
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "moby/moby@v18.06.1-ce:daemon/start.go L154",
      "kubernetes/kubernetes#33104",
      "Jamesits/docker-ripe-atlas#5",
      "Checkmk/checkmk_kube_agent#7"
    ],
    examples: [
      'docker: Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_RAW".',
      'Sep 15 19:37:07 host dockerd: time="2021-09-15T19:37:07.025393994+08:00" level=error msg="Handler for POST /v1.38/containers/21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""'
    ]
  },
  {
    id: "docker-legacy-unknown-cap-drop",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "Docker refused a dropped capability name at container start",
    component: "Docker Engine (daemon/caps TweakCapabilities)",
    versions: "Docker 1.11\u201318.09",
    runtime: "Docker 1.11\u201318.09",
    keywords: ["Unknown capability drop"],
    patterns: [/Unknown capability drop: "(?<name>[^"\s]*)"/],
    reading: "as-written",
    direction: "drop",
    confidence: "high",
    priority: 92,
    meaning: 'Docker up to 18.09 checks each dropped name as "CAP_" + name and refuses to start the container when that is not a capability. Unlike the add message, this one quotes the name as the manifest wrote it.',
    fix: "Write the capability without the CAP_ prefix and check its spelling; ALL (any case) is accepted.",
    uncertain: "The message text comes from the source; no public paste of it was found.",
    citations: ["moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136"],
    examples: ['linux spec capabilities: Unknown capability drop: "CAP_NET_RAW"']
  },
  {
    id: "docker-modern-invalid-capadd",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "Docker refused a capability name when creating the container",
    component: "Docker Engine (daemon/container.go validateHostConfig, oci/caps NormalizeLegacyCapabilities)",
    versions: "Docker 19.03 and later",
    runtime: "Docker 19.03 or later",
    keywords: ["invalid Cap"],
    patterns: [/invalid Cap(?<dir>Add|Drop): unknown capability: "(?<name>[^"\s]*)"/],
    reading: "normalized",
    confidence: "high",
    priority: 92,
    meaning: 'Docker 19.03 and later upper-case each name and add "CAP_" only when it is missing, so CAP_X, x and X all work; this error means the name is not in Docker\u2019s list: a typo, a capability newer than the node\u2019s kernel, or one that Docker 20.10 left out on purpose (PERFMON, BPF, CHECKPOINT_RESTORE).',
    fix: "Correct the name. For a capability newer than the kernel, upgrade the kernel or drop the entry; for PERFMON, BPF and CHECKPOINT_RESTORE use Docker 23 or later.",
    citations: [
      "moby/moby@v19.03.0:oci/caps/utils.go L86-101",
      "moby/moby@v19.03.0:daemon/container.go L309-320",
      "moby/moby#41563",
      "moby/moby#42011",
      "moby/moby#42601",
      "k8snetworkplumbingwg/multi-networkpolicy-iptables#24",
      "riferrei/from-zero-to-hero-with-observability#3"
    ],
    examples: [
      'Error: Error response from daemon: invalid CapAdd: unknown capability: "CAP_SYS_NET_ADMIN"',
      'ERROR: for backend-golang  Cannot create container for service backend-golang: invalid CapAdd: unknown capability: "CAP_AUDIT_READ"',
      'docker: Error response from daemon: invalid CapDrop: unknown capability: "CAP_CAP_KILL".'
    ]
  },
  {
    id: "runc-legacy-unknown-capability",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "runc refused a capability name in the OCI config",
    component: "runc (libcontainer/capabilities), under containerd, Docker or CRI-O",
    versions: "runc up to 1.0.0-rc93; from rc94 unknown names are only logged",
    runtime: "runc \u22641.0.0-rc93",
    keywords: ["unknown capability"],
    patterns: [/unknown capability "(?<name>[^"\s]*)"(?! to add)/],
    prefixedBy: "containerd",
    reading: "prefixed-by-engine",
    direction: "add",
    confidence: "high",
    priority: 91,
    meaning: 'runc up to 1.0.0-rc93 refused to start a container whose OCI config names a capability it does not know. Two common ways to get there: containerd writes "CAP_" + the manifest\u2019s name, so CAP_X becomes CAP_CAP_X; or a newer engine asks for PERFMON, BPF or CHECKPOINT_RESTORE, which runc learned only in rc93.',
    fix: "Write the capability without the CAP_ prefix; for PERFMON, BPF or CHECKPOINT_RESTORE upgrade runc (1.0.0-rc93 or later).",
    citations: [
      "opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70",
      "opencontainers/runc commit 5fb831a0f (PR #2854)",
      "utkuozdemir/pv-migrate#165",
      "moby/moby#41562"
    ],
    examples: [
      'Error: failed to create containerd task: OCI runtime create failed: container_linux.go:367: starting container process caused: unknown capability "CAP_CAP_SYS_CHROOT": unknown',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: unknown capability "CAP_PERFMON": unknown.'
    ]
  },
  {
    id: "runc-modern-ignored-capabilities-warning",
    kind: "cause",
    cause: "name",
    phase: "run",
    title: "runc left out capabilities it does not know",
    component: "runc (libcontainer/capabilities); the warning goes to runc\u2019s log, not to kubectl",
    versions: "runc 1.0.0-rc94 and later",
    runtime: "runc \u22651.0.0-rc94",
    keywords: ["ignoring unknown or unavailable capabilities"],
    patterns: [/ignoring unknown or unavailable capabilities: \[(?<names>[^\]]*)\]/],
    prefixedBy: "containerd",
    reading: "prefixed-by-engine",
    direction: "add",
    confidence: "high",
    priority: 93,
    meaning: 'Since 1.0.0-rc94 runc skips a capability it does not know, or that the kernel lacks, with this warning and starts the container anyway. containerd writes "CAP_" + the manifest\u2019s name, so an entry spelled CAP_X arrives as CAP_CAP_X: the container runs without the capability and fails later with EPERM.',
    fix: "Write the capability without the CAP_ prefix; then check the container\u2019s effective set (grep Cap /proc/1/status).",
    citations: [
      "opencontainers/runc@v1.0.0:libcontainer/capabilities/capabilities.go L37-61",
      "opencontainers/runc commit 5fb831a0f (PR #2854)",
      "opencontainers/runtime-spec commit 8c363e8 (PR #1094)",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235"
    ],
    examples: [
      'time="2026-11-26T14:35:14Z" level=warning msg="ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]"',
      '{"level":"warning","msg":"ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE CAP_FOO]","time":"2026-11-26T14:35:30Z"}'
    ]
  },
  {
    id: "crun-unknown-capability",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "crun reported a capability name it does not know",
    component: "crun (src/libcrun/linux.c), under CRI-O, Podman or containerd",
    versions: "crun \u22640.18 and \u22651.29 fail; 0.19\u20131.28 only warn (visible with --debug) and leave the capability out",
    runtime: "crun",
    keywords: ["unknown cap"],
    patterns: [
      /unknown cap: `(?<name>[^`]*)`/,
      /unknown capability `(?<name>[^`]*)`/,
      /unknown capability: `?(?<name>CAP_[A-Za-z0-9_]+)`?/
    ],
    outcome: "refuses the container (crun \u22640.18 and \u22651.29) or starts it without the capability (0.19\u20131.28)",
    prefixedBy: "the engine in front of it",
    reading: "prefixed-by-engine",
    direction: "add",
    confidence: "high",
    priority: 90,
    meaning: "crun looks each OCI name up with libcap. Old releases (\u22640.18) and new ones (\u22651.29) refuse the container; the releases in between print the same text as a warning and start it without the capability. An old crun (0.14) did not know PERFMON, which newer CRI-O asks for in privileged containers.",
    fix: "Correct the name (no CAP_ prefix in the manifest); for a name crun is too old for, upgrade crun.",
    citations: [
      "containers/crun@0.17:src/libcrun/linux.c L2435-2436",
      "containers/crun commit 78aeac9f",
      "containers/crun commit 2e822523",
      "cri-o/cri-o#4478"
    ],
    uncertain: "crun 1.29 failing again comes from the repository history and has not been checked on a release.",
    examples: [
      "Privileged container doesn\u2019t start: `unknown capability: CAP_PERFMON`",
      "stderr: unknown cap: `CAP_FOO`"
    ]
  },
  {
    id: "crio-unknown-capability-to-add",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "CRI-O refused an added capability name",
    component: "CRI-O (internal/factory/container SpecSetupCapabilities)",
    versions: "CRI-O 1.11.2 and later (1.11.0\u20131.11.1 skip the name with a warning)",
    runtime: "CRI-O 1.11.2 or later",
    keywords: ["unknown capability"],
    patterns: [/unknown capability "(?<name>[^"\s]*)" to add/],
    reading: "normalized",
    direction: "add",
    confidence: "high",
    priority: 92,
    meaning: 'CRI-O adds "CAP_" only when the name lacks it (in any case), so CAP_X and X both work; this error means the name is not a capability the node\u2019s kernel knows.',
    fix: "Correct the capability name, or drop a capability the node\u2019s kernel is too old for.",
    uncertain: "The message text comes from the source; no public paste of it was found.",
    citations: [
      "cri-o/cri-o#1707",
      "cri-o/cri-o#1708 (the same change on release-1.11, first in v1.11.2)",
      "cri-o/cri-o commit d2bcd76b42",
      "cri-o/cri-o@v1.11.2:server/container_create.go L574",
      "cri-o/cri-o@v1.13.0:server/container_create.go"
    ],
    examples: ['Error: unknown capability "CAP_SYS_NET_ADMIN" to add']
  },
  {
    id: "crio-invalid-capability-skipped",
    kind: "cause",
    cause: "name",
    phase: "run",
    title: "CRI-O skipped an added capability name it does not know",
    component: "CRI-O (server/container_create.go setupCapabilities); the warning goes to CRI-O\u2019s log, not to kubectl",
    versions: "CRI-O 1.11.0\u20131.11.1; 1.11.2 and later refuse the name instead",
    runtime: "CRI-O 1.11.0\u20131.11.1",
    keywords: ['invalid capability "'],
    patterns: [/invalid capability "(?<name>[^"\s]+)", skipping/],
    // The warning quotes the manifest's own name; CRI-O adds "CAP_" only when it is missing.
    reading: "normalized",
    direction: "add",
    confidence: "high",
    priority: 93,
    meaning: "CRI-O 1.11.0 and 1.11.1 check each added name against their capability list and, when it is not there, log this warning and go on: the container is created without the capability and fails later with EPERM. The name is printed as the manifest wrote it.",
    fix: "Correct the capability name in the add list; CRI-O 1.11.2 and later refuse it outright.",
    citations: [
      "cri-o/cri-o@v1.11.0:server/container_create.go L562-572",
      "cri-o/cri-o@v1.11.1:server/container_create.go L569-570",
      "cri-o/cri-o#1707",
      "cri-o/cri-o#1708"
    ],
    uncertain: "The message text comes from the source; no public paste of it was found.",
    examples: [
      'time="2018-07-20 10:11:12.000000000Z" level=warning msg="invalid capability \\"NET_ADMINN\\", skipping..."'
    ]
  },
  {
    id: "crio-failed-to-drop-cap",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "CRI-O refused a dropped capability name",
    component: "CRI-O (setupCapabilities, today internal/factory/container SpecSetupCapabilities), through runtime-tools",
    versions: "CRI-O 1.0.0-rc1 and later (the alpha and beta pre-releases of 1.0 only logged it)",
    runtime: "CRI-O",
    keywords: ["failed to drop cap"],
    patterns: [
      /failed to drop cap (?<name>[A-Za-z0-9_]+):? invalid capability: CAP_[A-Za-z0-9_]+/,
      {
        // 1.0 to 1.9 build the spec with runtime-tools' host-specific generator, which also checks the kernel.
        re: /failed to drop cap (?<name>[A-Za-z0-9_]+):? CAP_[A-Za-z0-9_]+ is not supported on the current host/,
        runtime: "CRI-O 1.0\u20131.9"
      }
    ],
    reading: "normalized",
    direction: "drop",
    confidence: "high",
    priority: 93,
    meaning: 'CRI-O upper-cases each dropped name, adds "CAP_" only when it is missing, and asks runtime-tools to remove it; runtime-tools refuses a name that is not in its capability list, and CRI-O fails the container (CreateContainerError). The cause is an entry of the drop list: a typo, a CAP_ prefix written twice, or a name CRI-O\u2019s capability library does not know (up to 1.20 that list ends at AUDIT_READ). A drop list can also come from the platform: an OpenShift SecurityContextConstraints\u2019 or PodSecurityPolicy\u2019s requiredDropCapabilities is added to every container it admits.',
    fix: "Correct or remove the entry in the drop list (the container\u2019s securityContext.capabilities.drop, or the requiredDropCapabilities of the SCC or PodSecurityPolicy that admitted the pod).",
    citations: [
      "cri-o/cri-o@v1.0.0:server/container_create.go L729-736",
      "cri-o/cri-o@v1.11.0:server/container_create.go L586-604",
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go SpecSetupCapabilities",
      "cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding",
      "cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/validate/capabilities/validate.go CapValid",
      "cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1)",
      "opencontainers/runtime-tools#466 (a CRI-O drop of CAP_CAP_AUDIT_READ refused by CapValid; checks after the removal)",
      "field report on OpenShift 4 (an SCC with requiredDropCapabilities: [MCK]): Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK"
    ],
    examples: [
      "Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK",
      "Warning  Failed     3s (x2 over 4s)  kubelet  Error: failed to drop cap CAP_CAP_KILL invalid capability: CAP_CAP_KILL",
      "Failed to create container with error: rpc error: code = 2 desc = failed to drop cap CAP_AUDIT_READ CAP_AUDIT_READ is not supported on the current host"
    ]
  },
  {
    id: "crio-legacy-must-start-with-cap",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "CRI-O before 1.0 wanted the CAP_ prefix",
    component: "CRI-O (ocid) before 1.0, through runtime-tools",
    versions: "CRI-O up to v0.3 (2017)",
    runtime: "CRI-O before 1.0",
    keywords: ["must start with CAP_"],
    patterns: [/capability (?<name>[A-Za-z0-9_]+) must start with CAP_/],
    reading: "as-written",
    direction: "add",
    confidence: "high",
    priority: 88,
    meaning: 'Early CRI-O handed Kubernetes names to runtime-tools without adding "CAP_", and runtime-tools insisted on it: a correct manifest failed. This was a CRI-O bug, fixed before 1.0.',
    fix: "Upgrade CRI-O; keep the manifest\u2019s names without the prefix.",
    citations: ["cri-o/cri-o#491", "cri-o/cri-o@v0.3:server/container_create.go L407"],
    examples: [
      "Failed to create container with error: rpc error: code = 2 desc = capability KILL must start with CAP_"
    ]
  },
  {
    id: "rkt-failed-to-parse-capability",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "rkt could not parse a capability name",
    component: "rkt stage1 (systemd-nspawn), the in-tree kubelet rkt runtime",
    versions: "rkt 1.x with Kubernetes 1.3\u20131.10",
    runtime: "rkt (rktnetes)",
    keywords: ["Failed to parse capability"],
    patterns: [/Failed to parse capability (?<name>[A-Za-z0-9_]+)/],
    reading: "as-written",
    direction: "add",
    confidence: "high",
    priority: 80,
    meaning: "rkt passed the manifest\u2019s names to systemd-nspawn unchanged, and nspawn needs the CAP_ prefix: the Kubernetes spelling failed there, the opposite of every other runtime.",
    fix: "rkt is obsolete: move the node to a supported runtime and keep names without the CAP_ prefix.",
    citations: ["kubernetes/kubernetes#33104", "rkt/rkt@v1.30.0:stage1/init/common/pod.go L537"],
    examples: ["rkt container startup fails with `Failed to parse capability NET_ADMIN.`"]
  },
  {
    id: "ctr-cap-prefix-required",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "ctr wanted the CAP_ prefix",
    component: "containerd\u2019s ctr command (cmd/ctr/commands/run)",
    versions: "containerd 1.x and 2.x",
    runtime: "containerd (ctr)",
    keywords: ["must be specified with 'CAP_'"],
    patterns: [/capabilities must be specified with 'CAP_' prefix/],
    confidence: "high",
    priority: 85,
    summary: "ctr needs capability names with the CAP_ prefix, unlike Kubernetes, Docker and Podman.",
    meaning: "ctr run --cap-add and --cap-drop take kernel names (CAP_SYS_RESOURCE) and pass them to runc as written, unlike Kubernetes, Docker and Podman. This is ctr\u2019s own check; the kubelet never goes through ctr.",
    fix: "With ctr, write CAP_SYS_RESOURCE; in Kubernetes manifests keep SYS_RESOURCE.",
    citations: ["containerd/containerd@v1.6.0:cmd/ctr/commands/run/run_unix.go L219"],
    examples: ["ctr: capabilities must be specified with 'CAP_' prefix"]
  },
  {
    id: "podman-unknown-capability",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "Podman refused a capability name",
    component: "Podman (containers/common capabilities)",
    versions: "Podman 4.x (containers/common 0.50)",
    runtime: "Podman",
    keywords: [": unknown capability"],
    patterns: [/Error: "(?<name>[^"\s]+)": unknown capability/],
    reading: "normalized",
    confidence: "high",
    priority: 92,
    meaning: 'Podman upper-cases each name and adds "CAP_" only when missing, so CAP_X and x work; it refuses a name that is still not a capability, such as a doubled prefix or a typo.',
    fix: "Correct the capability name.",
    citations: ["containers/common@v0.50.1:pkg/capabilities/capabilities.go"],
    uncertain: "Seen with Podman 4.3.1; other releases were not run.",
    examples: ['Error: "CAP_CAP_SYS_RESOURCE": unknown capability', 'Error: "CAP_SYS_RESOURCES": unknown capability']
  },
  {
    id: "containerd-cri-invalid-capability",
    kind: "cause",
    cause: "name",
    phase: "create",
    title: "containerd\u2019s CRI plugin refused a capability name",
    component: "containerd CRI plugin 1.1\u20131.2 (runtime-tools validation); CRI-O 1.0\u20131.10 for an added name",
    versions: "containerd 1.1\u20131.2, added and dropped names; CRI-O 1.0\u20131.10, added names",
    runtime: "containerd 1.1\u20131.2 (or CRI-O 1.0\u20131.10)",
    keywords: ["invalid capability"],
    patterns: [
      {
        // The CRI plugin prints the request's capability lists, which tell whether the name was added or dropped.
        re: /failed to set capabilities &Capability\{(?<detail>[^}]*)\}: invalid capability: (?<name>CAP_[A-Za-z0-9_]+)/,
        runtime: "containerd 1.1\u20131.2"
      },
      // CRI-O's own drop message says "failed to drop cap" (crio-failed-to-drop-cap).
      /(?<!failed to drop cap [A-Za-z0-9_]+:? )invalid capability: (?<name>CAP_[A-Za-z0-9_]+)/
    ],
    reading: "prefixed-by-engine",
    direction: "add",
    confidence: "high",
    priority: 90,
    meaning: 'containerd 1.1\u20131.2 wrote "CAP_" + each name of the add and the drop list and let runtime-tools check it when building the spec, so CAP_X became CAP_CAP_X and the container was refused (CreateContainerError); a misspelled name fails the same way. A drop is checked too, after the removal, so drop: [CAP_KILL] fails as surely as add: [CAP_KILL].',
    fix: "Write the capability without the CAP_ prefix, in add and in drop.",
    citations: [
      "containerd/cri@v1.0.0:pkg/server/container_create.go L370-373, L703-745",
      "containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go L398-401, L790-850",
      "containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapability (CapValid after the removal)",
      "containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding (CapValid after the removal)",
      "containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid",
      "opencontainers/runtime-tools#466 (the check after the removal)"
    ],
    uncertain: "The message is reconstructed from the source (the capability lists are the CRI request printed with %+v); no public paste was found.",
    examples: [
      'failed to generate container "abc" spec: failed to set capabilities &Capability{}: invalid capability: CAP_CAP_SYS_RESOURCE',
      'Error: failed to generate container "4f2a9c" spec: failed to set capabilities &Capability{AddCapabilities:[],DropCapabilities:[CAP_KILL],}: invalid capability: CAP_CAP_KILL'
    ]
  },
  // ---- An operation was refused for want of a capability --------------------------------------
  {
    id: "capability-named-missing",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "a program said which capability it lacks",
    component: "programs that check their own capabilities (dnsmasq, gluetun, VPN and network agents)",
    versions: "any",
    keywords: ["apabilit"],
    patterns: [
      /\bmissing (?:the )?(?:required )?capabilit(?:y|ies):? (?<named>(?:CAP_)?[A-Z][A-Z_]+[A-Z])\b/i,
      /\b(?<named>(?:CAP_)?[A-Z][A-Z_]+[A-Z]) capability (?:is )?(?:missing|required|needed|not (?:granted|available|present))\b/,
      /\b(?:requires?|needs?) (?:the )?(?<named>CAP_[A-Z][A-Z_]+[A-Z])(?: capability)?\b/,
      /\b(?:lacks?|without) (?:the )?(?<named>CAP_[A-Z][A-Z_]+[A-Z]) capability\b/
    ],
    rule: "cap-missing",
    confidence: "high",
    priority: 70,
    summary: "The program says it lacks {capability}, and stopped without it.",
    need: "the program checks for it",
    meaning: "The program checked its own capabilities and named the one it lacks. Which one is therefore not a guess; whether adding it is enough depends on the user the process runs as (an added capability is effective for root only, as Kubernetes and Docker set no ambient capabilities).",
    fix: "Add the named capability to the container\u2019s securityContext.capabilities.add (it takes effect for a root process).",
    citations: [
      "dockur/windows#1648",
      "angelnu/helm-charts#55",
      "ferrarimarco/docker-pxe#107",
      "passteque/gluetun#734"
    ],
    examples: [
      "dnsmasq: process is missing required capability NET_RAW",
      "ERROR for iptables: NET_ADMIN capability is missing: iptables v1.8.7 (legacy)"
    ]
  },
  {
    id: "pam-limits-cannot-open-session",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "su/runuser could not open a PAM session",
    component: "PAM pam_limits inside the image, run by su, runuser, sudo or login",
    versions: "upstream Linux-PAM; Debian and Ubuntu patch pam_limits to go on instead",
    keywords: ["open session", "open_session", "session initialization"],
    patterns: [
      /cannot open session: Permission denied/,
      /pam_open_session: Permission denied/,
      /policy plugin failed session initialization/,
      /could not open session/
    ],
    capability: "SYS_RESOURCE",
    also: ["SYS_NICE"],
    rule: "pam-limits-needs-sys-resource",
    confidence: "medium",
    priority: 66,
    summary: "su/runuser could not open a session: pam_limits needs {capability} to raise the hard limits in limits.conf, and the container does not have it.",
    need: "pam_limits needs it to raise the limits in limits.conf when su or runuser opens a session",
    meaning: "When su or runuser opens a session, pam_limits applies /etc/security/limits.conf. Raising a hard limit (memlock unlimited for Elasticsearch, a high nofile or nproc) needs CAP_SYS_RESOURCE, and a negative nice or priority needs CAP_SYS_NICE; containers have neither by default, so the session is refused.",
    fix: "Add SYS_RESOURCE (and SYS_NICE if limits.conf sets nice or priority) to the container\u2019s securityContext.capabilities.add, without the CAP_ prefix. Alternatives: drop the limits.conf lines, raise the limit at the runtime so it is already high, or switch users without PAM (setpriv, gosu, runAsUser).",
    citations: [
      "HastD/run0edit#107",
      "HastD/run0edit#108",
      "Dani3lSun/docker-db-apex-dev#4",
      "linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c"
    ],
    uncertain: "Debian-based images patch pam_limits to skip a limit it cannot set, so they do not fail here (the limit is just not applied).",
    examples: [
      "runuser: cannot open session: Permission denied",
      "su: cannot open session: Permission denied",
      "sudo: pam_open_session: Permission denied"
    ]
  },
  {
    id: "pam-limits-could-not-set-limit",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "pam_limits could not set a limit",
    component: "PAM pam_limits (syslog)",
    versions: "Linux-PAM; Debian logs it at debug level and goes on",
    keywords: ["Could not set limit"],
    patterns: [/Could not set limit for '(?<setting>\w+)'(?: to soft=-?\d+, hard=-?\d+)?: Operation not permitted/],
    capability: "SYS_RESOURCE",
    setting: { kind: "rlimit" },
    rule: "pam-limits-needs-sys-resource",
    confidence: "medium",
    priority: 67,
    summary: "pam_limits could not raise {setting}: that needs {capability}, which the container does not have.",
    need: "pam_limits needs it to raise a limit from limits.conf",
    meaning: "pam_limits tried to raise a limit from limits.conf above the current hard limit, which needs CAP_SYS_RESOURCE. Upstream PAM then refuses the session; Debian\u2019s PAM goes on with the old limit.",
    fix: "Add SYS_RESOURCE to the container\u2019s capabilities, or remove the limits.conf line that raises the limit.",
    citations: [
      "linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c",
      "Debian pam 1.5.2-6 032_pam_limits_EPERM_NOT_FATAL"
    ],
    examples: [
      "runuser: pam_limits(runuser:session): Could not set limit for 'memlock' to soft=-1, hard=-1: Operation not permitted; uid=0,euid=0"
    ]
  },
  {
    id: "setrlimit-eperm",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "raising a resource limit was refused",
    component: "kernel setrlimit(2): an entrypoint\u2019s ulimit, or the OCI runtime applying process.rlimits",
    versions: "any",
    keywords: ["rlimit", "RLIMIT", "RLIM_", "ulimit", "setting limit", "resource.error", "resource limit"],
    patterns: [
      {
        re: /error setting rlimits? (?:for ready process: error setting rlimit )?type (?<setting>\d+): operation not permitted/i,
        cause: "engine",
        phase: "start",
        rule: null,
        summary: "The OCI runtime could not set {setting} for the container: the engine may not raise that limit."
      },
      {
        re: /crun: setrlimit\s*[`(]?\s*(?<setting>(?:RLIMIT|RLIM)_[A-Z]+)\s*[`)]?:? Operation not permitted/i,
        cause: "engine",
        phase: "start",
        rule: null,
        summary: "The OCI runtime could not set {setting} for the container: the engine may not raise that limit."
      },
      /setrlimit\s*[`(]?\s*(?<setting>(?:RLIMIT|RLIM)_[A-Z]+)(?:,[^)`]*)?\s*[`)]?:? Operation not permitted/i,
      /ulimit: (?<setting>[a-z][a-z ]*[a-z]): cannot modify limit: Operation not permitted/,
      /ulimit: error setting limit \(Operation not permitted\)/,
      /error setting limit:? \(?Operation not permitted/,
      /resource\.error: \(1, .Operation not permitted.\)/,
      /failed to set the (?<setting>[A-Z]+) resource limit: Operation not permitted/
    ],
    capability: "SYS_RESOURCE",
    setting: { kind: "rlimit" },
    rule: "ulimit-needs-sys-resource",
    confidence: "medium",
    priority: 60,
    summary: "Raising {setting} was refused: that needs {capability}, which the process does not have.",
    need: "raising a hard resource limit needs it",
    meaning: "Raising a hard resource limit above its current value needs CAP_SYS_RESOURCE in the initial user namespace. Inside a container that is an entrypoint\u2019s `ulimit -l unlimited`; from the OCI runtime it means the engine asked for a limit above what it may set itself (a rootless, nested or LXC engine).",
    fix: "For an entrypoint: add SYS_RESOURCE to the container (root process), or set the limit at the runtime or node instead. For an OCI runtime error: lower the requested limit, or raise the hard limit of the engine (the host user\u2019s limits for rootless engines); capabilities inside a user namespace do not help.",
    citations: [
      "containers/crun#1388",
      "containers/podman#7510",
      "patschi/parsedmarc-dockerized#47",
      "zalando/spilo#881",
      "opencontainers/runc@v1.1.5:libcontainer/init_linux.go setupRlimits"
    ],
    examples: [
      "Error: crun: setrlimit (RLIM_MEMLOCK): Operation not permitted: OCI permission denied",
      "error setting rlimits for ready process: error setting rlimit type 8: operation not permitted: unknown",
      "bin/custom-entrypoint: line 13: ulimit: max locked memory: cannot modify limit: Operation not permitted",
      "./run: 21: ulimit: error setting limit (Operation not permitted)",
      "Error: crun: setrlimit `RLIMIT_MEMLOCK`: Operation not permitted: OCI permission denied",
      "prlimit: failed to set the MEMLOCK resource limit: Operation not permitted"
    ]
  },
  {
    id: "elasticsearch-memory-lock",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "Elasticsearch could not lock its memory",
    component: "Elasticsearch bootstrap (bootstrap.memory_lock, formerly bootstrap.mlockall)",
    versions: "Elasticsearch 2.x\u20138.x",
    keywords: ["lock JVM Memory", "RLIMIT_MEMLOCK", "memory is not locked"],
    patterns: [
      /Unable to lock JVM Memory: error=12, ?reason=(?:Cannot allocate memory|Out of memory)/,
      /Increase RLIMIT_MEMLOCK, soft limit: (?<soft>\d+), hard limit: (?<hard>\d+)/,
      /memory locking requested for elasticsearch process but memory is not locked/
    ],
    capability: "IPC_LOCK",
    also: ["SYS_RESOURCE"],
    setting: { kind: "rlimit", name: "RLIMIT_MEMLOCK" },
    rule: "mlock-needs-memlock",
    confidence: "medium",
    priority: 63,
    summary: "Elasticsearch could not lock its memory: the memlock limit is too low, and an added {capability} is not effective for its non-root user.",
    need: "Elasticsearch locks its memory",
    meaning: "mlockall failed because RLIMIT_MEMLOCK in the container is small (often 64 KiB). Elasticsearch runs as a non-root user, for whom an added IPC_LOCK is not effective (Kubernetes sets no ambient capabilities), and privileged mode does not raise the limit either; with bootstrap checks enforced it exits.",
    fix: "Raise the memlock limit the container starts with: docker --ulimit memlock=-1:-1 (plus IPC_LOCK), or in Kubernetes the runtime\u2019s default (LimitMEMLOCK=infinity for containerd, default_ulimits for CRI-O), or a root entrypoint with SYS_RESOURCE that raises it before dropping to the elasticsearch user; or set bootstrap.memory_lock: false when swap is off on the nodes.",
    citations: [
      "docker-library/elasticsearch#70",
      "elastic/elasticsearch-docker#40",
      "https://www.elastic.co/guide/en/elasticsearch/reference/6.1/_memory_lock_check.html"
    ],
    examples: [
      "[2015-11-20 09:06:08,908][WARN ][bootstrap                ] Unable to lock JVM Memory: error=12,reason=Cannot allocate memory",
      "[1]: memory locking requested for elasticsearch process but memory is not locked"
    ]
  },
  {
    id: "vault-mlock",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "Vault could not lock its memory",
    component: "HashiCorp Vault (core initialisation)",
    versions: "Vault, all releases with mlock enabled",
    keywords: ["to lock memory", "mlock syscall"],
    patterns: [/[Ff]ailed to lock memory: cannot allocate memory/, /the mlock syscall is not available/],
    capability: "IPC_LOCK",
    setting: { kind: "rlimit", name: "RLIMIT_MEMLOCK" },
    rule: "mlock-needs-memlock",
    confidence: "medium",
    priority: 63,
    summary: "Vault could not lock its memory: the container lacks {capability}.",
    need: "Vault locks its memory with it",
    meaning: "Vault locks its memory so that secrets are never swapped out; mlock beyond the small default memlock limit needs CAP_IPC_LOCK, which containers do not have by default.",
    fix: "Add IPC_LOCK to the Vault container\u2019s capabilities (run it as a user for whom it is effective), or set disable_mlock = true when swap is off.",
    citations: ["hashicorp/vault#121", "cgswong/docker-vault#4", "hashicorp/docker-vault#53"],
    examples: ["Error initializing core: Failed to lock memory: cannot allocate memory"]
  },
  {
    id: "net-raw-ping",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "ping could not open a raw socket",
    component: "kernel raw sockets (ping, fping)",
    versions: "any",
    keywords: ["ping", "create socket", "CAP_NET_RAW"],
    patterns: [
      /ping: socket: Operation not permitted/,
      /ping: permission denied \(are you root\?\)/,
      /ping: icmp open socket: Operation not permitted/,
      /can't create socket \(must run as root\?\)/,
      /ping: socket: permission denied/i,
      { re: /must have CAP_NET_RAW capability/, confidence: "high" }
    ],
    capability: "NET_RAW",
    rule: "cap-missing",
    confidence: "medium",
    priority: 60,
    summary: "ping could not open a raw socket: the container lacks {capability}.",
    need: "ping opens a raw socket with it",
    meaning: "Raw ICMP sockets need CAP_NET_RAW. CRI-O 1.18+ and Podman 4.4+ no longer grant it by default, drop: [ALL] removes it, and a non-root process gets it only from a ping binary with file capabilities (which allowPrivilegeEscalation: false blocks).",
    fix: "Add NET_RAW to the container\u2019s capabilities for a root process; for non-root use a ping with cap_net_raw file capabilities, or allow unprivileged ICMP with the net.ipv4.ping_group_range sysctl.",
    citations: [
      "justmeandopensource/kubernetes#67",
      "book-of-kubernetes/examples#42",
      "openshift/origin#3326",
      "jarischaefer/docker-librenms#90",
      "cri-o/cri-o commit 63b9f4ec98"
    ],
    examples: ["ping: permission denied (are you root?)", "ping: icmp open socket: Operation not permitted"]
  },
  {
    id: "net-bind-service-privileged-port",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "binding a port below 1024 was refused",
    component: "kernel (ports below net.ipv4.ip_unprivileged_port_start, 1024 by default)",
    versions: "any",
    keywords: ["bind", "EACCES"],
    patterns: [
      /bind\(\) to \S+:(?<port>\d{1,4}) failed \(13: Permission denied\)/,
      /listen tcp \S*:(?<port>\d{1,4}): bind: permission denied/,
      /\(13\)Permission denied: AH00072: make_sock: could not bind to address \S+:(?<port>\d{1,4})/,
      /EACCES: permission denied,? ?\S* ?(?:0\.0\.0\.0|::):(?<port>\d{1,4})/
    ],
    capability: "NET_BIND_SERVICE",
    rule: "cap-missing",
    confidence: "medium",
    priority: 60,
    summary: "Binding port {port} was refused: ports below 1024 need {capability}, which a non-root process does not have.",
    need: "binding a port below 1024 needs it",
    meaning: "Ports below 1024 need CAP_NET_BIND_SERVICE. Most often the process runs as non-root: capabilities added in the pod reach only root, because Kubernetes sets no ambient capabilities. Or drop: [ALL] removed it.",
    fix: "Listen on a port of 1024 or more and map it with the Service; or set the net.ipv4.ip_unprivileged_port_start sysctl to 0; or run as root with add: [NET_BIND_SERVICE].",
    citations: ["hjacobs/kube-resource-report#146", "kubernetes/kubernetes#56374", "moby/moby#8460"],
    examples: ["nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)"]
  },
  {
    id: "net-admin-iptables",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "iptables could not open a table",
    component: "netfilter through iptables (init containers of meshes and CNIs, VPN sidecars)",
    versions: "any",
    keywords: ["you must be root", "IPTCError"],
    patterns: [
      /iptables( v[\d.]+)?( \((?:legacy|nf_tables)\))?: can't initialize iptables table `?\w+'?: Permission denied \(you must be root\)/,
      /ip6?tables(?:-(?:save|restore|legacy|nft))?( v[\d.]+)?( \((?:legacy|nf_tables)\))?: .*Permission denied \(you must be root\)/,
      /Could not fetch rule set generation id: Permission denied \(you must be root\)/,
      /IPTCError: can't initialize/
    ],
    capability: "NET_ADMIN",
    also: ["NET_RAW"],
    rule: "cap-missing",
    confidence: "medium",
    priority: 60,
    summary: "iptables could not open a netfilter table: the container lacks {capability} (iptables needs NET_ADMIN, and legacy iptables NET_RAW as well).",
    need: "iptables needs it to read and change netfilter tables",
    meaning: "Reading or changing netfilter tables needs CAP_NET_ADMIN; legacy iptables also opens a raw socket and needs CAP_NET_RAW, which CRI-O 1.18+, Podman 4.4+ and drop: [ALL] take away.",
    fix: "Add NET_ADMIN (and NET_RAW for legacy iptables) to the container that runs iptables, rather than making it privileged.",
    citations: [
      "canonical/microk8s#216",
      "MicrosoftDocs/azure-docs#81144",
      "Praqma/Network-MultiTool#13",
      "helm/charts#14950",
      "linkerd/linkerd2#2959"
    ],
    examples: [
      "iptables v1.6.1: can't initialize iptables table `filter': Permission denied (you must be root)",
      "iptables-save v1.8.4 (legacy): Cannot initialize: Permission denied (you must be root)"
    ]
  },
  {
    id: "net-admin-netlink-tun",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "network configuration was refused",
    component: "rtnetlink and the tun driver (ip, tc, openvpn, wireguard, tailscale)",
    versions: "any",
    keywords: ["RTNETLINK", "TUNSETIFF", "SIOCSIF", "Operation not permitted"],
    patterns: [
      /RTNETLINK answers: Operation not permitted/,
      /TUNSETIFF.*Operation not permitted/,
      /SIOCSIF\w+: Operation not permitted/,
      /\b(?:add|set) (?:link|route|addr)\b.*Operation not permitted/
    ],
    capability: "NET_ADMIN",
    rule: "cap-missing",
    confidence: "medium",
    priority: 60,
    summary: "Network configuration was refused: the container lacks {capability}.",
    need: "configuring interfaces, routes and TUN devices needs it",
    meaning: "Creating interfaces, addresses, routes, queueing disciplines or TUN/TAP devices needs CAP_NET_ADMIN (TUN also needs the /dev/net/tun device).",
    fix: "Add NET_ADMIN to the container\u2019s capabilities (and provide /dev/net/tun for VPNs).",
    citations: ["shekhargulati/rx-docker-client#68", "moby/moby#17532"],
    examples: ["RTNETLINK answers: Operation not permitted", "ioctl(TUNSETIFF): Operation not permitted"]
  },
  {
    id: "sys-admin-mount",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "mount was refused",
    component: "kernel mount(2) with the runtime\u2019s AppArmor and seccomp profiles",
    versions: "any",
    keywords: ["mount"],
    patterns: [
      /\bmount: (?:.*: )?permission denied/i,
      /mount\(2\): Operation not permitted/,
      /mount: mounting .* failed: Permission denied/,
      /fuse: mount failed: Permission denied/,
      /fusermount3?: mount failed: Operation not permitted/,
      /must be superuser to use mount/
    ],
    capability: "SYS_ADMIN",
    rule: "cap-missing",
    confidence: "medium",
    priority: 58,
    summary: "mount was refused: it needs {capability}, and the runtime\u2019s AppArmor and seccomp profiles can block it even then.",
    need: "mount needs it",
    meaning: "mount needs CAP_SYS_ADMIN, and even with it the runtime\u2019s default AppArmor and seccomp profiles can still deny mount; /proc/sys is read-only in containers in any case.",
    fix: "Prefer a Kubernetes volume, CSI driver or device plugin. If the container must mount, add SYS_ADMIN and relax AppArmor and seccomp for it; never to change sysctls.",
    citations: ["kubernetes/kubernetes#7890", "squat/generic-device-plugin#47", "kubernetes/kubernetes#108247"],
    examples: [
      "fuse: mount failed: Permission denied",
      '"fusermount3: mount failed: Operation not permitted" in unprivileged pod'
    ]
  },
  {
    id: "chown-eperm",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "chown was refused",
    component: "kernel chown(2) (init containers that fix volume ownership)",
    versions: "any",
    keywords: ["chown", "chmod"],
    patterns: [
      /chown: (?:changing ownership of )?['"]?[^:'"]+['"]?: Operation not permitted/,
      { re: /chmod: changing permissions of .*: Operation not permitted/, confidence: "medium" }
    ],
    capability: "CHOWN",
    also: ["FOWNER", "DAC_OVERRIDE"],
    rule: "cap-missing",
    confidence: "medium",
    priority: 58,
    summary: "Changing file ownership was refused: the process lacks {capability}.",
    need: "changing file ownership needs it",
    meaning: "Changing a file\u2019s owner needs CAP_CHOWN (chmod of another user\u2019s file needs CAP_FOWNER): drop: [ALL] takes it away even from UID 0, and a non-root process never has it. The storage can refuse as well (NFS root_squash).",
    fix: "For a root init container add CHOWN (and FOWNER, DAC_OVERRIDE) next to drop: [ALL]; or let fsGroup set the volume\u2019s group instead of chown.",
    citations: ["helm/charts#10453", "helm/charts#10519", "defilantech/LLMKube#887"],
    examples: ["chown: /var/lib/grafana: Operation not permitted", "chown: /models: Operation not permitted"]
  },
  {
    id: "sys-chroot-elasticsearch-crio",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "chroot was refused",
    component: "chroot(2) in an image entrypoint (Elasticsearch 6.x/7.x uses chroot --userspec to drop to uid 1000)",
    versions: "CRI-O 1.18+ and OpenShift 4.6+ no longer grant SYS_CHROOT by default",
    keywords: ["chroot"],
    patterns: [
      /chroot: cannot change root directory to '?\/'?: Operation not permitted/,
      { re: /chroot: failed to run command .*: Permission denied/, confidence: "medium" }
    ],
    capability: "SYS_CHROOT",
    rule: "cap-missing",
    confidence: "medium",
    priority: 60,
    summary: "chroot was refused: the container lacks {capability}, which CRI-O 1.18+ and OpenShift 4.6+ no longer grant by default.",
    need: "chroot needs it",
    meaning: "chroot needs CAP_SYS_CHROOT. Docker and containerd grant it by default, CRI-O 1.18 and later do not, so the same image fails when it moves to CRI-O or OpenShift.",
    fix: "Add SYS_CHROOT to the container\u2019s capabilities, or run the container as the target user (runAsUser: 1000) so the entrypoint skips chroot.",
    citations: [
      "elastic/cloud-on-k8s#5212",
      "elastic/cloud-on-k8s#4334",
      "elastic/helm-charts#838",
      "wazuh/wazuh-kubernetes#112",
      "cri-o/cri-o commit 63b9f4ec98"
    ],
    examples: ["chroot: cannot change root directory to '/': Operation not permitted"]
  },
  {
    id: "sys-ptrace",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "ptrace was refused",
    component: "ptrace(2) with YAMA, seccomp and AppArmor (strace, gdb, profilers)",
    versions: "any",
    keywords: ["ptrace", "PTRACE", "inferior process", "attach to process"],
    patterns: [
      /ptrace: Operation not permitted/,
      /ptrace\(PTRACE_(?:ATTACH|SEIZE|TRACEME)[^)]*\): Operation not permitted/,
      /PTRACE_TRACEME: Operation not permitted/,
      /Could not trace the inferior process/,
      /Could not attach to process/
    ],
    capability: "SYS_PTRACE",
    rule: "cap-missing",
    confidence: "medium",
    priority: 58,
    summary: "Tracing a process was refused: the container lacks {capability}.",
    need: "tracing another process needs it",
    meaning: "Tracing another process needs CAP_SYS_PTRACE unless it is a descendant with the same user; on kernels before 4.8 Docker\u2019s seccomp profile also blocked ptrace without it.",
    fix: "Add SYS_PTRACE to the debugging container (Pod Security baseline forbids it: use kubectl debug --profile=general in a namespace that allows it), or share the process namespace with a debug sidecar.",
    citations: ["moby/moby#21051", "containerd/nerdctl#976", "kubernetes/kubernetes#97103"],
    examples: [
      "strace: attach: ptrace(PTRACE_ATTACH, 6): Operation not permitted",
      "warning: ptrace: Operation not permitted"
    ]
  },
  {
    id: "sys-nice",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "raising a priority was refused",
    component: "kernel scheduler (nice, chrt, setpriority)",
    versions: "any",
    keywords: ["nice", "setpriority", "chrt", "sched_setscheduler"],
    patterns: [
      /nice: cannot set niceness: Permission denied/,
      /setpriority.*(?:Permission denied|Operation not permitted)/,
      /chrt: failed to set pid \d+'s policy: Operation not permitted/,
      /sched_setscheduler.*Operation not permitted/
    ],
    capability: "SYS_NICE",
    rule: "cap-missing",
    confidence: "medium",
    priority: 58,
    summary: "Raising a process priority was refused: the container lacks {capability}.",
    need: "raising a priority needs it",
    meaning: "A negative nice value, a real-time policy or changing another process\u2019s priority needs CAP_SYS_NICE, which no runtime grants by default; for a non-root process an added capability is not effective.",
    fix: "Add SYS_NICE for a root process (or give the binary the file capability), or do without the higher priority.",
    citations: ["git-developer/marvyn#11", "moby/moby#50083"],
    examples: ["nice: cannot set niceness: Permission denied"]
  },
  {
    id: "sys-time",
    kind: "cause",
    cause: "missing",
    phase: "run",
    title: "setting the clock was refused",
    component: "kernel clock (ntpd, chronyd, date, hwclock)",
    versions: "any",
    keywords: ["settimeofday", "clock_settime", "adjtime", "adj_systime", "cannot set date"],
    patterns: [
      /settimeofday(?:\(\))?(?: failed)?: Operation not permitted/,
      /clock_settime.*Operation not permitted/,
      /(?:ntp_)?adjtime(?:x)?(?:\(\w*\))?(?: failed)?\s*:?\s*Operation not permitted/,
      /adj_systime: Operation not permitted/,
      /date: cannot set date: Operation not permitted/
    ],
    capability: "SYS_TIME",
    rule: "cap-missing",
    confidence: "medium",
    priority: 58,
    summary: "Setting the clock was refused: that needs {capability}, and it would change the node\u2019s clock.",
    need: "setting the clock needs it",
    meaning: "Setting the clock needs CAP_SYS_TIME and changes the node\u2019s clock (there is no per-container wall clock); an unprivileged, user-namespaced container (LXC, rootless) can never do it.",
    fix: "Keep time in sync on the node rather than in the container (chronyd -x does not touch the clock); add SYS_TIME only for an NTP server that must set the node\u2019s clock.",
    citations: ["canonical/lxd#4249", "cturra/docker-ntp#28", "moby/moby#16905"],
    examples: [
      "ntpd: ntp_adjtime() failed: Operation not permitted",
      "Fatal error : adjtimex(0x8001) failed : Operation not permitted"
    ]
  },
  // ---- The engine itself lacks a privilege ----------------------------------------------------
  {
    id: "runc-apply-caps-eperm",
    kind: "cause",
    cause: "engine",
    phase: "start",
    title: "the OCI runtime could not grant the capabilities it was asked for",
    component: "runc (unable to apply caps) or crun (capset), under Docker, containerd or Podman",
    versions: "any",
    keywords: ["apply caps", "capset"],
    patterns: [/unable to apply caps: operation not permitted/i, /capset: Operation not permitted/],
    confidence: "high",
    priority: 72,
    summary: "The OCI runtime could not grant the capabilities it was asked for: the engine itself does not hold them.",
    meaning: "The name was accepted, but the runtime cannot give the container a capability that the runtime itself does not hold: the engine runs inside a container or on a host whose bounding set lacks it. Docker --privileged and --cap-add ALL fail the same way there.",
    fix: "Give the engine the capability (run the outer container with it), or stop asking for it; containerd and Podman limit privileged containers to what they hold, Docker does not.",
    citations: ["opencontainers/runc@v1.1.5:libcontainer/capabilities/capabilities.go"],
    examples: [
      "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown."
    ]
  },
  {
    id: "oom-score-adj-eperm",
    kind: "cause",
    cause: "engine",
    phase: "start",
    title: "the OCI runtime could not lower oom_score_adj",
    component: "runc (nsexec) or crun, for a pod sandbox or a container with a negative oomScoreAdj",
    versions: "any",
    keywords: ["oom_score_adj"],
    patterns: [
      /failed to update \/proc\/self\/oom_score_adj: Permission denied/,
      /write to \/proc\/self\/oom_score_adj: Permission denied/
    ],
    capability: "SYS_RESOURCE",
    setting: { kind: "oom-score-adj" },
    confidence: "high",
    priority: 72,
    summary: "The OCI runtime could not lower oom_score_adj: the engine lacks {capability}.",
    meaning: "Setting oom_score_adj below the caller\u2019s own value needs CAP_SYS_RESOURCE; the pause container asks for -998, so an engine without it (nested in a container, or a host that removed it) cannot start pods at all.",
    fix: "Give the engine SYS_RESOURCE, or set restrict_oom_score_adj = true in containerd\u2019s CRI configuration so it never asks for less than its own value.",
    citations: ["containerd/containerd@v1.6.20:pkg/cri/server/helpers_linux.go restrictOOMScoreAdj"],
    examples: [
      'time="2026-11-26T14:35:20Z" level=fatal msg="nsexec[31667]: failed to update /proc/self/oom_score_adj: Permission denied"',
      "write to /proc/self/oom_score_adj: Permission denied"
    ]
  },
  // ---- Admission and the API refused the manifest ---------------------------------------------
  {
    id: "psa-baseline-non-default-capabilities",
    kind: "cause",
    cause: "admission",
    phase: "admission",
    title: "Pod Security baseline refused an added capability",
    component: "Pod Security admission",
    versions: "Kubernetes 1.23+ (beta), 1.25+ (GA)",
    keywords: ["PodSecurity"],
    patterns: [/violates? PodSecurity "baseline:[^"]+": .*non-default capabilities \((?<detail>[^)]*)\)/],
    rule: "pss-baseline",
    confidence: "high",
    priority: 86,
    summary: "Pod Security baseline refused the pod: a container adds {written}.",
    meaning: "Under the baseline level a container may add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT, compared exactly: CAP_CHOWN or chown is refused although CHOWN is allowed.",
    fix: "Remove the capability, or spell an allowed one exactly (upper case, no CAP_ prefix), or run the workload in a namespace whose level allows it.",
    citations: [
      "kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_baseline.go",
      "gardener/etcd-druid#759"
    ],
    examples: [
      'pods "etcd-test-0" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "backup-restore" must not include "SYS_PTRACE" in securityContext.capabilities.add)'
    ]
  },
  {
    id: "psa-restricted-unrestricted-capabilities",
    kind: "cause",
    cause: "admission",
    phase: "admission",
    title: "Pod Security restricted refused a container\u2019s capabilities",
    component: "Pod Security admission",
    versions: "Kubernetes 1.22+ (policy version 1.22 and later)",
    keywords: ["PodSecurity", "capabilities.drop"],
    patterns: [
      /violates? PodSecurity "restricted:[^"]+": .*unrestricted capabilities \((?<detail>[^)]*)\)/,
      /must set securityContext\.capabilities\.drop=\[.ALL.\]/
    ],
    setting: { kind: "drop-all" },
    rule: "pss-restricted",
    confidence: "high",
    priority: 85,
    summary: "Pod Security restricted refused the pod: a container does not drop ALL.",
    meaning: 'Under the restricted level every container, init container and ephemeral container must drop exactly "ALL" (all in lower case fails) and may add only NET_BIND_SERVICE; capabilities exist only in the container securityContext, so setting them at pod level does not count.',
    fix: 'Give every container securityContext.capabilities.drop: ["ALL"], adding back only NET_BIND_SERVICE where a low port is needed.',
    citations: [
      "kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_restricted.go",
      "OpenUnison/helm-charts#126",
      "foundation-model-stack/multi-nic-cni#110"
    ],
    examples: [
      'W1218 09:23:43.371852   15128 warnings.go:70] would violate PodSecurity "restricted:latest": unrestricted capabilities (container "test-values" must set securityContext.capabilities.drop=["ALL"])'
    ]
  },
  {
    id: "psp-capability-may-not-be-added",
    kind: "cause",
    cause: "admission",
    phase: "admission",
    title: "a PodSecurityPolicy refused an added capability",
    component: "PodSecurityPolicy admission",
    versions: "Kubernetes up to 1.24 (removed in 1.25)",
    keywords: ["PodSecurityPolicy", "pod security policy"],
    patterns: [
      /PodSecurityPolicy: unable to admit pod: \[.*capabilities\.add: Invalid value: "(?<name>[^"]+)": capability may not be added/,
      { re: /unable to validate against any pod security policy/, confidence: "medium" }
    ],
    confidence: "high",
    priority: 84,
    summary: "A PodSecurityPolicy refused the pod: no policy it may use allows adding {written}.",
    meaning: "No PodSecurityPolicy usable by the pod\u2019s service account lists the capability in allowedCapabilities (or one lists it in requiredDropCapabilities). Names are compared exactly.",
    fix: "Allow the capability in a policy bound to the service account, or stop adding it; PodSecurityPolicy is gone from Kubernetes 1.25, so plan the move to Pod Security admission.",
    citations: ["OpenUnison/helm-charts#129", "elastic/helm-charts#689"],
    examples: [
      'Error creating: pods "x-" is forbidden: PodSecurityPolicy: unable to admit pod: [spec.containers[0].securityContext.capabilities.add: Invalid value: "NET_BIND_SERVICE": capability may not be added]'
    ]
  },
  {
    id: "openshift-scc-capability-may-not-be-added",
    kind: "cause",
    cause: "admission",
    phase: "admission",
    title: "OpenShift security context constraints refused an added capability",
    component: "OpenShift SecurityContextConstraints admission",
    versions: "OpenShift 3.x and 4.x",
    keywords: ["security context constraint"],
    patterns: [
      /unable to validate against any security context constraint: \[.*capabilities\.add: Invalid value: "(?<name>[^"]+)": capability may not be added/
    ],
    confidence: "high",
    priority: 84,
    summary: "OpenShift refused the pod: no security context constraint its service account may use allows adding {written}.",
    meaning: "No SCC usable by the pod\u2019s service account allows the capability; restricted-v2, the default, allows only NET_BIND_SERVICE.",
    fix: "Bind the service account to an SCC whose allowedCapabilities includes it, or stop adding it.",
    citations: ["WASdev/websphere-liberty-operator#692", "istio/istio#4500"],
    examples: [
      'pods "dt10mq-7d57cf64-" is forbidden: unable to validate against any security context constraint: [provider restricted-v2: .containers[0].capabilities.add: Invalid value: "CHECKPOINT_RESTORE": capability may not be added'
    ]
  },
  {
    id: "capabilities-at-pod-level",
    kind: "cause",
    cause: "schema",
    phase: "admission",
    title: "capabilities set in the pod-level securityContext",
    component: "Kubernetes API schema (kubectl validation, server-side field validation)",
    versions: "all",
    keywords: ["PodSecurityContext", "securityContext.capabilities"],
    patterns: [
      /unknown field "capabilities" in io\.k8s\.api\.core\.v1\.PodSecurityContext/,
      /\.spec\.(?:template\.spec\.)?securityContext\.capabilities: field not declared in schema/,
      /unknown field "spec\.(?:template\.spec\.)?securityContext\.capabilities"/
    ],
    setting: { kind: "placement" },
    rule: "cap-pod-level",
    confidence: "high",
    priority: 86,
    summary: "Capabilities are set in the pod-level securityContext, which has no such field.",
    meaning: "The pod-level securityContext (PodSecurityContext) has no capabilities field; capabilities are set per container. Without validation the field is dropped silently.",
    fix: "Move capabilities to each container\u2019s securityContext (containers and initContainers).",
    citations: ["codecentric/helm-charts#738", "kubernetes/website#19384"],
    examples: [
      'ValidationError(StatefulSet.spec.template.spec.securityContext): unknown field "capabilities" in io.k8s.api.core.v1.PodSecurityContext'
    ]
  },
  {
    id: "api-allowprivilegeescalation-cap-sys-admin",
    kind: "cause",
    cause: "schema",
    phase: "admission",
    title: "the API refused allowPrivilegeEscalation: false with SYS_ADMIN or privileged",
    component: "kube-apiserver ValidateSecurityContext",
    versions: "all Kubernetes versions",
    keywords: ["allowPrivilegeEscalation"],
    patterns: [
      /cannot set `allowPrivilegeEscalation` to false and `capabilities\.Add` CAP_SYS_ADMIN/,
      /cannot set `allowPrivilegeEscalation` to false and `privileged` to true/
    ],
    capability: "SYS_ADMIN",
    rule: "cap-escalation-conflict",
    confidence: "high",
    priority: 86,
    summary: "The API refused the container: allowPrivilegeEscalation: false next to SYS_ADMIN or privileged: true.",
    meaning: 'allowPrivilegeEscalation: false contradicts SYS_ADMIN and privileged. The API compares the literal "CAP_SYS_ADMIN", so the correct spelling SYS_ADMIN passes and is granted.',
    fix: "Decide which one the container needs: remove SYS_ADMIN (or privileged), or remove allowPrivilegeEscalation: false.",
    citations: [
      "kubernetes/kubernetes@v1.30.0:pkg/apis/core/validation/validation.go ValidateSecurityContext",
      "kubernetes/kubernetes#131336"
    ],
    examples: [
      "spec.containers[0].securityContext: Invalid value: core.SecurityContext{}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"
    ]
  },
  {
    id: "windows-pod-capabilities-forbidden",
    kind: "cause",
    cause: "schema",
    phase: "admission",
    title: "capabilities set on a Windows pod",
    component: "kube-apiserver pod validation (spec.os.name: windows)",
    versions: "Kubernetes 1.25+",
    keywords: ["windows pod"],
    patterns: [/securityContext\.capabilities: Forbidden: cannot be set for a windows pod/],
    rule: "cap-windows",
    confidence: "medium",
    priority: 86,
    summary: "The API refused the pod: capabilities cannot be set for a Windows pod.",
    meaning: "Windows has no POSIX capabilities; a pod with spec.os.name: windows may not set them.",
    fix: "Remove securityContext.capabilities from the Windows pod\u2019s containers.",
    uncertain: "The exact wording is from the validation code; no public paste was found.",
    citations: ["kubernetes/website#30436", "https://kubernetes.io/docs/concepts/windows/intro/"],
    examples: ["spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod"]
  },
  // ---- Looks like a capability problem, is not -------------------------------------------------
  {
    id: "red-herring-seccomp-time64",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "reading the clock was refused by seccomp (not a capability)",
    component: "seccomp: libseccomp before 2.4.2 and Docker before 19.03.9 on 32-bit ARM hosts",
    versions: "32-bit ARM hosts with images built on musl 1.2 / glibc 2.31 or later",
    keywords: ["clock_gettime", "initialize time", "realtime clock"],
    patterns: [
      /clock_gettime(?:64)?\([^)]*\) failed\s*:?\s*Operation not permitted/,
      /can't initialize time/,
      /cannot read realtime clock: Operation not permitted/
    ],
    setting: { kind: "seccomp" },
    confidence: "high",
    priority: 76,
    summary: "Reading the clock was refused by seccomp, not for want of a capability: the host\u2019s libseccomp or Docker is too old for the image\u2019s time64 system calls.",
    meaning: "Reading the clock needs no capability. Newer images use the time64 system calls, which an old libseccomp does not know, so the default seccomp profile answers EPERM. Adding SYS_TIME changes nothing.",
    fix: "Upgrade libseccomp2 (2.4.2 or later) and Docker (19.03.9 or later) on the host, or use a 64-bit OS or an older base image; do not add capabilities.",
    citations: [
      "cturra/docker-ntp#35",
      "geerlingguy/internet-pi#11",
      "alpinelinux/docker-alpine#135",
      "debuerreotype/docker-debian-artifacts#150"
    ],
    examples: [
      "Fatal error : clock_gettime() failed : Operation not permitted",
      "Fatal Python error: init_interp_main: can't initialize time"
    ]
  },
  {
    id: "sysctl-readonly-or-forbidden",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "setting a sysctl was refused (not a capability)",
    component: "procfs /proc/sys (read-only in containers) and the kubelet\u2019s sysctl allow-list",
    versions: "any",
    keywords: ["sysctl", "Sysctl", "setting key", "on key", "/proc/sys/"],
    patterns: [
      /error: "?Read-only file system"? setting key "?(?<setting>[\w./-]+)"?/,
      /sysctl: (?:error )?setting key ["']?(?<setting>[\w./-]+)["']?(?:, ignoring)?: Read-only file system/,
      /can't create \/proc\/sys\/(?<setting>[\w/.-]+): Read-only file system/,
      /(?:^|\s|: )\/proc\/sys\/(?<setting>[\w/.-]+): Read-only file system/,
      /sysctl: permission denied on key "?(?<setting>[\w./-]+)"?/,
      /error: permission denied on key '(?<setting>[\w./-]+)'/,
      /write sysctl key (?<setting>[\w./-]+): open \/proc\/sys\/\S+: (?:permission denied|read-only file system)/,
      /can't set sysctl (?<setting>[\w/]+): open \/proc\/sys\/\S+: read-only file system/,
      { re: /forbidden sysctl: "?(?<setting>[\w./-]+)"? not (?:allowlisted|whitelisted)/, phase: "admission" },
      { re: /\bSysctlForbidden\b/, phase: "admission" },
      { re: /forbidden sysctls \(/, phase: "admission" }
    ],
    setting: { kind: "sysctl" },
    rule: "sysctl-needs-privilege",
    confidence: "high",
    priority: 76,
    summary: "Setting the sysctl {setting} was refused, and no capability would change that: set it in the pod\u2019s securityContext.sysctls or on the node.",
    message: "Setting sysctl {setting} was refused \u2014 no capability changes that; set it in securityContext.sysctls or on the node.",
    meaning: "/proc/sys is read-only in unprivileged containers, node-wide sysctls (vm.*, most kernel.*) cannot be set per pod at all, and unsafe namespaced ones need the kubelet\u2019s allow-list. No capability changes that.",
    fix: "Set namespaced sysctls in the pod\u2019s securityContext.sysctls (allow-listing unsafe ones on the kubelet); set node-wide ones on the node (a DaemonSet or node tuning), not from the application container.",
    citations: [
      "moby/moby#10039",
      "docker/docs#9631",
      "k3s-io/k3s#89",
      "kubernetes/kubernetes@v1.30.0:pkg/kubelet/sysctl/allowlist.go"
    ],
    examples: [
      'error: "Read-only file system" setting key "net.ipv4.ip_local_reserved_ports"',
      "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system",
      "can't create /proc/sys/net/ipv4/ip_forward: Read-only file system",
      "bash: /proc/sys/net/ipv4/ip_default_ttl: Read-only file system"
    ]
  },
  {
    id: "lsm-denial",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "a security module refused the operation (not a capability)",
    component: "the kernel\u2019s AppArmor, SELinux or seccomp, with the runtime\u2019s profile for the container",
    versions: "any",
    keywords: ['apparmor="DENIED"', "avc:", "SELinux is preventing", "type=1326", "type=SECCOMP"],
    patterns: [
      {
        re: /apparmor="DENIED" operation="(?<op>[^"]+)"(?:.*?profile="(?<profile>[^"]+)")?/,
        summary: "AppArmor refused {op} ({profile}): the profile, not a missing capability, stopped it."
      },
      {
        re: /avc:\s+denied\s+\{ (?<op>[^}]+?) \}/,
        summary: "SELinux refused {op}: the container\u2019s label, not a missing capability, stopped it."
      },
      {
        re: /SELinux is preventing (?<comm>\S+) from (?<op>\S+) access/,
        summary: "SELinux refused {op} to {comm}: the container\u2019s label, not a missing capability, stopped it."
      },
      {
        re: /type=(?:1326|SECCOMP)\b.*?\bsyscall=(?<op>\d+)/,
        summary: "seccomp refused system call {op}: the runtime\u2019s profile, not a missing capability, stopped it."
      }
    ],
    confidence: "high",
    priority: 80,
    meaning: "A Linux security module answered EPERM or EACCES for the container. Runtimes confine containers with an AppArmor profile (docker-default, cri-containerd.apparmor.d) that denies mount among others, an SELinux type (container_t), and a seccomp filter; each refuses operations that the container\u2019s capabilities would allow. Adding capabilities does not change that.",
    fix: "Change the profile for this container, not its capabilities: a custom AppArmor profile that allows the operation (or unconfined for it, knowingly), the SELinux label or boolean the operation needs, or a seccomp profile that allows the system call. Kubernetes sets these in securityContext.appArmorProfile, seLinuxOptions and seccompProfile; Docker with --security-opt.",
    citations: [
      "moby/moby#16233",
      "moby/moby#40421",
      "sosreport/sos#410",
      "moby/moby@v20.10.0:profiles/apparmor/template.go"
    ],
    examples: [
      '[86690.569280] type=1400 audit(1441943381.165:51): apparmor="DENIED" operation="mount" info="failed flags match" error=-13 profile="docker-default" name="/mnt/" pid=26423 comm="sshfs"',
      'type=AVC msg=audit(1600000000.123:45): avc:  denied  { syslog_read } for  pid=1234 comm="dmesg" scontext=system_u:system_r:container_t:s0',
      "SELinux is preventing dmesg from syslog_read access on the system Unknown."
    ]
  },
  {
    id: "device-not-allowed",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "opening a device was refused (not a capability)",
    component: "the device cgroup of the container (runc, crun), which lists the devices it may open",
    versions: "any; containerd 1.7.24 and runc 1.2 stopped allowing /dev/net/tun by default",
    keywords: ["TUN/TAP dev", "open /dev/"],
    patterns: [
      /Cannot open TUN\/TAP dev (?<device>\S+): Operation not permitted/,
      /\bopen (?<device>\/dev\/[\w/.-]+): operation not permitted/i
    ],
    confidence: "medium",
    priority: 72,
    summary: "Opening {device} was refused by the device cgroup: the device is not allowed in the container, which no capability changes.",
    meaning: "Opening a device node needs no capability; the container\u2019s device cgroup decides which devices it may open and answers EPERM for the rest. A device must be passed to the container (and, for /dev/net/tun, recent containerd and runc no longer allow it by default).",
    fix: "Pass the device in: docker run --device /dev/net/tun, compose devices: [/dev/net/tun], or in Kubernetes a device plugin or a hostPath with the device allowed; then add NET_ADMIN if the program also configures the interface.",
    citations: [
      "kylemanna/docker-openvpn#777",
      "haugene/docker-transmission-openvpn#2900",
      "torvalds/linux@v6.6:security/device_cgroup.c devcgroup_check_permission"
    ],
    examples: [
      "Tue Dec 10 02:57:00 2024 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)"
    ]
  },
  {
    id: "elasticsearch-max-map-count",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "Elasticsearch found vm.max_map_count too low (not a capability)",
    component: "Elasticsearch bootstrap checks",
    versions: "Elasticsearch 5.x and later",
    keywords: ["vm.max_map_count"],
    patterns: [/max virtual memory areas vm\.max_map_count \[(?<current>\d+)\] is too low/],
    setting: { kind: "sysctl", name: "vm.max_map_count" },
    confidence: "high",
    priority: 76,
    summary: "vm.max_map_count is too low for Elasticsearch: a node setting, which no capability changes.",
    meaning: "vm.max_map_count is a node-wide sysctl that no container may change; Elasticsearch refuses to start in production mode when it is below 262144. Capabilities do not help.",
    fix: "Raise vm.max_map_count on the nodes (a privileged init container or DaemonSet, or node tuning), or set node.store.allow_mmap: false.",
    citations: ["https://www.elastic.co/guide/en/elasticsearch/reference/current/vm-max-map-count.html"],
    examples: ["[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]"]
  },
  // ---- Names in a manifest, a docker run line or a compose file that were pasted in ----------
  {
    id: "manifest-capability-name",
    kind: "cause",
    cause: "name",
    phase: "start",
    title: "a capability name written with the CAP_ prefix",
    component: "a manifest, compose file or docker command in the input",
    versions: "fails on Docker 1.11\u201318.09 and containerd; works on Docker 19.03+, CRI-O and Podman",
    keywords: ["CAP_", "cap_", "Cap_", "cap-add", "cap-drop"],
    patterns: [
      /^\s*-\s+["']?(?<name>[Cc][Aa][Pp]_[A-Za-z0-9_]+)["']?\s*(?:#.*)?$/,
      /^\s*"(?<name>[Cc][Aa][Pp]_[A-Za-z0-9_]+)",?\s*$/,
      /\b["']?(?<dir>add|drop|cap_add|cap_drop)["']?\s*:\s*\[(?<names>[^\]]*)\]/,
      /--cap-(?<dir>add|drop)[= ](?<name>[A-Za-z0-9_]+)/
    ],
    reading: "as-written",
    confidence: "medium",
    priority: 50,
    meaning: 'Kubernetes passes capability names to the runtime unchanged. Docker up to 18.09 and containerd (every version) put "CAP_" in front again: Docker 18.09 and containerd with an old runc refuse the container, containerd with runc 1.0.0-rc94 or later silently leaves the capability out, and a dropped name drops nothing.',
    fix: "Write the capability without the CAP_ prefix.",
    citations: [
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235",
      "kubernetes/kubernetes#33104"
    ],
    examples: ["              - CAP_SYS_RESOURCE", '  add: ["CAP_NET_ADMIN", "NET_RAW"]', "--cap-add=CAP_NET_RAW"]
  },
  {
    id: "capabilities-granted",
    kind: "context",
    title: "capabilities the container has or was given",
    component: "capsh --print, /proc/<pid>/status, docker or podman run flags, compose and pod specs, docker inspect",
    versions: "any",
    keywords: ["cap_", "CapEff", "--cap-add", "CapAdd", "add:", "privileged"],
    patterns: [
      { re: /^\s*Current:\s*(?<detail>.*\bcap_\w+.*)$/ },
      { re: /^\s*CapEff:\s*(?<hex>[0-9a-fA-F]{8,16})\s*$/ },
      { re: /--cap-add[= ](?<list>[A-Za-z0-9_,]+)/ },
      { re: /\b["']?(?:cap_add|CapAdd)["']?\s*[:=]\s*\[(?<list>[^\]]*)\]/ },
      { re: /^\s*["']?add["']?\s*:\s*\[(?<list>[^\]]*)\]/ },
      { re: /(?:--privileged(?:=true)?\b|^\s*privileged:\s*true\b)/ }
    ],
    confidence: "medium",
    priority: 5,
    meaning: "the input shows these capabilities in the container, or asked for, so a failure is not explained by their absence",
    fix: "Look for what else refused the operation: an AppArmor, SELinux or seccomp profile, the user the process runs as, or a device or sysctl.",
    citations: [
      "https://man7.org/linux/man-pages/man5/proc_pid_status.5.html",
      "https://man7.org/linux/man-pages/man1/capsh.1.html"
    ],
    examples: [
      "Current: = cap_chown,cap_dac_override,cap_net_bind_service,cap_net_raw+eip",
      "CapEff:	00000000a80425fb",
      "docker run --cap-add=NET_ADMIN --cap-add NET_RAW alpine",
      "cap_add: [NET_ADMIN, SYS_MODULE]"
    ]
  },
  {
    id: "process-user",
    kind: "context",
    title: "the user the process runs as",
    component: "id output, docker run --user, runAsUser in a pod spec",
    versions: "any",
    keywords: [") gid=", "ker run", "man run", "runAsUser", "user:"],
    patterns: [
      /^\s*uid=(?<uid>\d+)\((?<user>[^)]*)\) gid=/,
      /--user[= ](?<uid>\d+)(?::\d+)?\b/,
      /\brunAsUser:\s*(?<uid>\d+)\b/,
      /^\s*user:\s*["']?(?<uid>\d+)(?::\d+)?["']?\s*$/
    ],
    confidence: "medium",
    priority: 5,
    meaning: "the process runs as this user id; for any uid but 0 added capabilities are not effective",
    fix: "Run as the owner of the files the process changes, or as root with the capability.",
    citations: ["https://man7.org/linux/man-pages/man7/capabilities.7.html", "kubernetes/kubernetes#56374"],
    examples: ["uid=1000(postgres) gid=1000(postgres) groups=1000(postgres)", "docker run --user 10000:10000 postgres"]
  },
  {
    id: "file-capabilities",
    kind: "context",
    title: "file capabilities set on a program",
    component: "setcap in a Dockerfile or package script, getcap output",
    versions: "any",
    keywords: ["cap_", "CAP_"],
    patterns: [
      /\bsetcap\s+['"]?(?<detail>(?:cap_|CAP_)[A-Za-z_,]+(?:[+=]+[a-z]+)+)/,
      /^\s*\S+ = (?<detail>cap_[a-z_,]+[+=][a-z]+)\s*$/,
      /^\s*\S+ (?<detail>cap_[a-z_,]+=[a-z]+)\s*$/
    ],
    confidence: "medium",
    priority: 5,
    meaning: "the program carries file capabilities; exec fails with EPERM when the container cannot grant all of them",
    fix: "Grant the file capabilities to the container, or remove them from the image.",
    citations: [
      "https://man7.org/linux/man-pages/man7/capabilities.7.html",
      "actiontech/dtle#454",
      "scionproto/docker-caps#5"
    ],
    examples: [
      "setcap CAP_DAC_OVERRIDE,CAP_SETUID,CAP_SYS_RESOURCE,CAP_SETGID=+eip /usr/bin/dtle",
      "elf_test = cap_sys_admin+ep"
    ]
  },
  {
    id: "interface-seen",
    kind: "context",
    title: "how the container was started",
    component: "a docker run, podman run or compose command or message in the input",
    versions: "any",
    keywords: ["docker run", "podman run", "compose", "apabilit"],
    patterns: [
      {
        re: /\b(?:docker-compose|docker compose|podman-compose)\b|Cannot create container for service|ERROR: for \S+\s/,
        via: "compose"
      },
      { re: /\bpodman (?:container )?run\b/, via: "podman" },
      { re: /\b(?:docker|nerdctl) (?:container )?run\b/, via: "docker-run" }
    ],
    confidence: "medium",
    priority: 1,
    meaning: "the container was started this way, so the fix is written for it",
    fix: "Write the fix for the interface the container is started with.",
    citations: [
      "https://docs.docker.com/reference/cli/docker/container/run/",
      "https://docs.docker.com/reference/compose-file/services/#cap_add"
    ],
    examples: [
      "docker run -ti --cap-add=NET_ADMIN --name vpn alpine",
      "docker-compose up -d",
      "sudo podman run -it alpine"
    ]
  },
  {
    id: "limits-conf-raises-hard-limit",
    kind: "context",
    title: "a limits.conf line that raises a hard limit",
    component: "PAM limits.conf in the image",
    versions: "any",
    keywords: ["memlock", "nofile", "nproc", "rtprio", "priority", "nice"],
    patterns: [
      /^\s*(?<domain>[*@%\w][\w.@%*-]*)\s+(?:hard|-)\s+(?<setting>memlock|nofile|nproc|stack|core|rtprio|nice|priority|as|data|fsize|locks|sigpending|msgqueue)\s+(?:unlimited|infinity|-?\d+)\s*$/
    ],
    capability: "SYS_RESOURCE",
    setting: { kind: "rlimit" },
    confidence: "medium",
    priority: 10,
    meaning: "limits.conf raises a hard limit here, which pam_limits applies when su or runuser opens a session; raising a hard limit needs SYS_RESOURCE",
    fix: "Keep the line only if the container has SYS_RESOURCE, or raise the limit at the runtime instead.",
    citations: ["linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c"],
    examples: ["* hard memlock unlimited", "elasticsearch - memlock unlimited"]
  },
  ...OPERATION_SIGNATURES,
  // ---- Symptoms --------------------------------------------------------------------------------
  {
    id: "kubectl-describe-runcontainererror",
    kind: "symptom",
    symptom: "start-failure",
    title: "the container never started",
    component: "kubelet (pod status and events)",
    versions: "all; dockershim reports RunContainerError and ContainerCannotRun, containerd StartError, CRI-O and Docker 19.03+ CreateContainerError",
    keywords: [
      "RunContainerError",
      "ContainerCannotRun",
      "StartError",
      "CreateContainerError",
      "failed to start container",
      "failed to create container",
      "failed to create containerd task",
      "OCI runtime create failed",
      "StartContainer"
    ],
    patterns: [
      /\bRunContainerError\b/,
      /\bContainerCannotRun\b/,
      /\bStartError\b/,
      /\bCreateContainerError\b/,
      /Error: failed to (?:start|create) container/,
      /failed to create containerd task/,
      /OCI runtime create failed/,
      /failed to "StartContainer" for/,
      /StartContainer "[0-9a-f]+" from runtime service failed/
    ],
    confidence: "high",
    priority: 20,
    meaning: "The runtime refused to create or start the container; the application never ran, so this is not a crash. The reason is in the event\u2019s message, the last state\u2019s message or the node\u2019s journal.",
    fix: "Read the runtime\u2019s message: kubectl describe pod (Events, Last State), or the kubelet and runtime journal on the node.",
    citations: START_FAILURE_CITATIONS,
    examples: [
      "esc-210915-143151-data-0       1/2     RunContainerError   15         57m     192.168.31.244   ly-xjf-r021110-gyt   <none>           <none>",
      "      Reason:       ContainerCannotRun"
    ]
  },
  {
    id: "kubectl-describe-crashloopbackoff",
    kind: "symptom",
    symptom: "crash-loop",
    title: "the kubelet keeps restarting it",
    component: "kubelet",
    versions: "all; recent kubelets name the container and pod in the event",
    keywords: ["ack-off", "ackOff"],
    patterns: [
      /Back-off restarting failed container/i,
      /\bCrashLoopBackOff\b/,
      /back-off \S+ restarting failed container/i
    ],
    confidence: "high",
    priority: 15,
    meaning: "The container exits (or fails to start) again and again and the kubelet waits longer between attempts. It says nothing about why.",
    fix: "Read kubectl logs --previous and the last state; if there is no log, the container never started.",
    citations: ["kubernetes/kubernetes@v1.30.0:pkg/kubelet/kuberuntime/kuberuntime_manager.go"],
    examples: [
      "Warning  BackOff  kubelet  Back-off restarting failed container es-cluster in pod esc-0_ns(uid)",
      "esc-210915-143151-master-0     1/2     CrashLoopBackOff    40         3h2m    192.168.31.25    ly-xjf-r021110-gyt   <none>           <none>"
    ]
  },
  {
    id: "kubectl-logs-failed-to-open-log-file",
    kind: "symptom",
    symptom: "start-failure",
    title: "kubectl logs found no log file",
    component: "kubelet log retrieval (kubectl logs)",
    versions: "all",
    keywords: ["failed to open log file", "resolving symlinks"],
    patterns: [
      /failed to open log file "(?<path>[^"]+)"/,
      /failed to try resolving symlinks in path "\/var\/log\/pods\//
    ],
    confidence: "high",
    priority: 18,
    meaning: "The container attempt never started, so it never wrote a log; the error that stopped it is not in the container\u2019s log but in the pod\u2019s events and the node\u2019s journal.",
    fix: "Run kubectl describe pod, and read the kubelet and runtime journal on the node.",
    follows: "an attempt that never started writes no log",
    citations: ["kubernetes/kubernetes#54474", "kubernetes/kubernetes#50499", "kubernetes/kubernetes#81280"],
    examples: [
      'failed to open log file "/var/log/pods/b8012435-15fb-11ec-b6be-000af79b1e70/es-cluster/9.log": open /var/log/pods/b8012435-15fb-11ec-b6be-000af79b1e70/es-cluster/9.log: no such file or directory'
    ]
  },
  {
    id: "generic-eperm",
    kind: "symptom",
    symptom: "eperm",
    title: "an operation was refused with EPERM",
    component: "any program in the container",
    versions: "any",
    keywords: ["not permitted", "EPERM", "Errno 1]"],
    patterns: [/operation not permitted/i, /\bEPERM\b/, /\[Errno 1\]/],
    confidence: "low",
    priority: 5,
    meaning: "Something was refused, but the message does not say which system call: a missing capability, a seccomp or AppArmor rule, a read-only file system or a user namespace can all answer EPERM.",
    fix: "Find the call that failed (the lines before this one, or strace -f), then compare with the container\u2019s effective capabilities.",
    follows: "the call needed the capability",
    citations: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
    examples: ["PermissionError: [Errno 1] Operation not permitted"]
  }
];
var DERIVED_SIGNATURES = [
  {
    id: "ownership-wrong-uid",
    kind: "cause",
    cause: "not-capability",
    phase: "run",
    title: "a non-root process changed a file it does not own (not a capability)",
    component: "the kernel\u2019s ownership checks, for a process that is not uid 0",
    versions: "any",
    keywords: ["Operation not permitted"],
    patterns: [/(?!)/],
    confidence: "medium",
    priority: 74,
    summary: "The process runs as uid {uid} and may change only files it owns: the volume\u2019s owner is the problem, and capabilities added to the container are not effective for that user.",
    meaning: "chown and chmod of a file someone else owns need CHOWN or FOWNER, which a non-root process never has in effect (Kubernetes and Docker set no ambient capabilities). The input shows the process runs as a non-root user, so the fix is the ownership of the files, not a capability.",
    fix: "Make the files owned by that user: fsGroup (and fsGroupChangePolicy) in the pod, an init container running as root that chowns the volume, or docker run --user matching the owner; or run as the owner.",
    citations: [
      "docker-library/postgres#780",
      "idaholab/Malcolm-Helm#16",
      "https://man7.org/linux/man-pages/man2/chown.2.html"
    ],
    examples: []
  }
];
var SIGNATURE_BY_ID = new Map(
  [...SIGNATURES, ...DERIVED_SIGNATURES].map((s) => [s.id, s])
);

// src/diagnose/classify.ts
var PREFILTER_ANCHORS = [
  "apabilit",
  "nknown cap",
  "ermi",
  "CAP_",
  "cap_",
  "Cap_",
  "cap-",
  "ackOff",
  "ack-off",
  "ContainerError",
  "CannotRun",
  "StartError",
  "StartContainer",
  "OCI runtime",
  "ntainerd task",
  "o start container",
  "o create container",
  "open log file",
  "symlinks in path",
  "open session",
  "session init",
  "lock JVM",
  "RLIMIT",
  "not locked",
  "lock memory",
  "mlock",
  "max_map_count",
  "inferior process",
  "attach to process",
  "IPTCError",
  "superuser",
  "initialize time",
  "create socket",
  "ysctl",
  "ead-only file",
  "allowPrivilegeEscalation",
  "ecurity policy",
  "nofile",
  "nproc",
  "docker://",
  "d://",
  "o://",
  "Server Version",
  "EPERM",
  "Errno 1]",
  // Evidence of what the container has, who it runs as and how it was started. (capsh and setcap
  // lines carry cap_ or CAP_; anchors that start with punctuation slow the scan of every byte.)
  "CapEff",
  "CapAdd",
  "add:",
  "privileged",
  "gid=",
  "runAsUser",
  "user:",
  "ker run",
  "man run",
  "compose",
  // Security modules, and an operation whose refusal does not say "permitted".
  'apparmor="DENIED"',
  "avc:",
  "SELinux is preventing",
  "type=1326",
  "type=SECCOMP",
  "host name"
];
var PREFILTER = new RegExp(PREFILTER_ANCHORS.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
var PREFILTER_SCAN = new RegExp(PREFILTER.source, "g");
var ANCHOR_SCAN = new RegExp(PREFILTER.source, "g");
function patternSource(pattern) {
  return (pattern instanceof RegExp ? pattern : pattern.re).source.replace(/\\(.)/g, "$1");
}
var SIGNATURES_BY_ANCHOR = new Map(
  PREFILTER_ANCHORS.map((anchor) => [
    anchor,
    SIGNATURES.flatMap(
      (s, index) => s.keywords.some((k) => k.includes(anchor)) || s.patterns.some((p) => patternSource(p).includes(anchor)) ? [index] : []
    )
  ])
);
var FOUND = new Uint8Array(SIGNATURES.length);
function spec(pattern) {
  return pattern instanceof RegExp ? { re: pattern } : pattern;
}
var SPECS = new Map(SIGNATURES.map((s) => [s, s.patterns.map(spec)]));
function anyOf(patterns) {
  const [first] = patterns;
  if (first === void 0 || patterns.length < 2 || /[gy]/.test(first.flags)) return void 0;
  const sources = [];
  for (const pattern of patterns) {
    const source = pattern.source;
    if (pattern.flags !== first.flags || /\\(?:[1-9]|k<)|\\\(\?<|\[[^\]]*\(\?</.test(source)) return void 0;
    sources.push(`(?:${source.replace(/\(\?<(?=[A-Za-z_$])[\w$]*>/g, "(?:")})`);
  }
  return new RegExp(sources.join("|"), first.flags);
}
var ANY_PATTERN = new Map(
  SIGNATURES.map((s) => [s, anyOf(SPECS.get(s).map((p) => p.re))])
);
var SIGNATURE_IDS = SIGNATURES.map((s) => s.id);

// src/diagnose/correlate.ts
var DOCKER_DEFAULTS2 = new Set(
  ENGINE_RANGES.find((e) => e.engine === "docker" && e.until === void 0)?.defaults ?? ENGINE_RANGES.find((e) => e.engine === "docker")?.defaults ?? []
);

// src/diagnose/grants.ts
var GRANTED = SIGNATURE_BY_ID.get("capabilities-granted");

// src/diagnose/index.ts
var MAX_LINE = 64 * 1024;

// src/rules/types.ts
function defineRule(rule) {
  return rule;
}

// src/rules/cap-add-drop-conflict/index.ts
var DEFAULT_SEVERITY = "warning";
var PSP_VALIDATION = "kubernetes/kubernetes:pkg/apis/policy/validation/validation.go validatePSPCapsAgainstDrops (hasCap: exact ==)";
var SCC_VALIDATION = "openshift/verification-tests OCP-11775 (oc create of such an SCC fails: capability is listed in \u2026 and requiredDropCapabilities)";
var OUTCOME = {
  "add-wins": "applied",
  "drop-wins": "ignored",
  rejected: "rejected",
  unknown: "unknown"
};
function verdict(target, capability) {
  const conflict = target.engine?.conflict;
  if (!conflict) return { target, result: "unknown", detail: "no container runtime in this target", uncertain: false };
  return {
    target,
    result: conflict.result,
    detail: conflict.detail.replaceAll("{name}", `CAP_${capability}`),
    uncertain: conflict.uncertain === true
  };
}
function label(v) {
  const name = v.target.matrix && v.target.engine ? v.target.engine.label : targetName(v.target);
  return v.uncertain ? `${name} (assumed from a later release)` : name;
}
function labels2(verdicts2) {
  return joinAnd([...new Set(verdicts2.map(label))]);
}
function reason(detail) {
  const colon = detail.indexOf(": ");
  return colon >= 0 ? detail.slice(colon + 2) : detail;
}
var EFFECT = {
  "add-wins": "the container keeps it (add wins)",
  "drop-wins": "the container loses it (drop wins)",
  rejected: "the container is refused",
  unknown: "the result is not known"
};
function describe3(verdicts2) {
  const only = verdicts2[0];
  if (verdicts2.length === 1 && only) {
    const assumed2 = only.uncertain ? " This order was read in a later release and is assumed for this one." : "";
    const effect = only.result === "rejected" ? "" : `, so ${EFFECT[only.result]}`;
    return `On ${label({ ...only, uncertain: false })}: ${only.detail}${effect}.${assumed2}`;
  }
  const parts = [];
  for (const result of ["add-wins", "drop-wins"]) {
    const items = verdicts2.filter((v) => v.result === result);
    if (items.length > 0) parts.push(`on ${labels2(items)} ${EFFECT[result]}`);
  }
  const rejected = /* @__PURE__ */ new Map();
  for (const v of verdicts2.filter((x) => x.result === "rejected")) {
    rejected.set(reason(v.detail), [...rejected.get(reason(v.detail)) ?? [], v]);
  }
  for (const [why, items] of rejected) parts.push(`on ${labels2(items)} ${EFFECT.rejected} (${why})`);
  const unknown = verdicts2.filter((v) => v.result === "unknown");
  if (unknown.length > 0) parts.push(`on ${labels2(unknown)} ${EFFECT.unknown}`);
  return `${parts.join("; ").replace(/^on/, "On")}.`;
}
function pairing(capability, add, drop) {
  const where2 = `${entryLabel(add.list, add.index)}`;
  const other = `${entryLabel(drop.list, drop.index)}`;
  if (add.text === drop.text) return `${capability} is both added (${where2}) and dropped (${other}).`;
  return `${quote2(add.text)} (${where2}) and ${quote2(drop.text)} (${other}) add and drop the same capability, ${capability}.`;
}
function checkPolicy(owner, capability, add, drop) {
  const policy = policyName(owner) ?? "policy";
  const fields = `${add.list.field} and ${drop.list.field}`;
  if (add.text === drop.text) {
    const refusal = owner.kind === "psp" ? `The API server refuses this PodSecurityPolicy: spec.${add.list.field}: Invalid value: ${quote2(add.text)}: capability is listed in spec.${add.list.field} and requiredDropCapabilities.` : `OpenShift refuses this ${policy} (capability is listed in ${add.list.field} and requiredDropCapabilities).`;
    return {
      message: `${capability} is in both ${fields}. ${refusal} Remove it from one of the lists.`,
      computed: "error"
    };
  }
  const check = owner.kind === "psp" ? "The API server\u2019s check compares exact strings, so it accepts this PodSecurityPolicy only because the spellings differ." : "OpenShift refuses the same spelling in both lists; whether it catches different spellings is not verified.";
  return {
    message: `${pairing(capability, add, drop)} ${check} The entries still contradict each other: requiredDropCapabilities must be dropped and cannot be added. Remove it from one of the lists.`,
    computed: DEFAULT_SEVERITY
  };
}
var cap_add_drop_conflict_default = defineRule({
  meta: {
    id: "cap-add-drop-conflict",
    severity: DEFAULT_SEVERITY,
    description: "The same capability is both added and dropped, and runtimes disagree on the result",
    docs: [
      "Listing a capability in both `add` and `drop` of the same container (or compose service) has no agreed",
      "meaning, and the runtimes resolve it differently:",
      "",
      "- Docker (1.11 and later) removes the dropped names from its defaults and then appends the added ones, so the",
      "  container keeps the capability (add wins).",
      "- containerd and CRI-O apply the drop list after the add list, so the container loses it (drop wins).",
      '- Podman refuses the container: `capability "CAP_X" cannot be dropped and added`.',
      "",
      "The same manifest therefore grants a capability on one node and not on another. The usual patterns",
      "`drop: [ALL]` with specific adds, and `add: [ALL]` with specific drops, are not conflicts and are not",
      "reported. Names are compared after normalising (`NET_RAW` and `net_raw` are the same capability).",
      "",
      "For PodSecurityPolicy and SecurityContextConstraints, a capability in `allowedCapabilities` or",
      "`defaultAddCapabilities` and in `requiredDropCapabilities` makes the API server refuse the object",
      "(`capability is listed in \u2026 and requiredDropCapabilities`); that check compares exact strings, so",
      "different spellings slip through and are reported as a contradiction.",
      "",
      "A privileged container gets every capability whichever list would win; it is left to",
      "`cap-privileged-redundant`. Without `--target`, the runtimes supported today are named (end-of-life ones",
      "are in the finding\u2019s targets only).",
      "",
      "Severity is `error` when a selected target refuses the container (Podman) or the API refuses the policy.",
      "Keep the capability in one list: `add` if the container needs it, `drop` if it must not have it."
    ].join("\n"),
    fixable: false,
    citations: [
      "moby/moby@v20.10.0:oci/caps/utils.go TweakCapabilities",
      "moby/moby@v23.0.0:oci/caps/utils.go TweakCapabilities",
      "containerd/containerd@030e9a19c859838539a4f7699bbb3f10be3d92f4:internal/cri/opts/spec_opts.go WithCapabilities",
      "cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetupCapabilities",
      "containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities",
      PSP_VALIDATION,
      SCC_VALIDATION,
      ...PSP_FACTS.citations
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop: [NET_ADMIN, NET_RAW]",
      valid: "securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop: [NET_RAW]"
    },
    tags: ["correctness", "portability"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (isPrivileged(owner)) continue;
      const drops = /* @__PURE__ */ new Map();
      for (const list of owner.lists) {
        if (list.direction !== "drop") continue;
        list.entries.forEach((entry, index) => {
          const capability = analyzeName(entry.value).capability?.name;
          if (capability && typeof entry.value === "string" && !drops.has(capability)) {
            drops.set(capability, { list, index, entry, text: entry.value });
          }
        });
      }
      if (drops.size === 0) continue;
      for (const list of owner.lists) {
        if (list.direction !== "add") continue;
        const seen = /* @__PURE__ */ new Set();
        list.entries.forEach((entry, index) => {
          const capability = analyzeName(entry.value).capability?.name;
          if (!capability || typeof entry.value !== "string" || seen.has(capability)) return;
          seen.add(capability);
          const drop = drops.get(capability);
          if (!drop) return;
          const add = { list, index, entry, text: entry.value };
          if (owner.kind === "psp" || owner.kind === "scc") {
            const { message, computed } = checkPolicy(owner, capability, add, drop);
            context.report({
              path: entry.path,
              problem: `${capability} both allowed and required to drop`,
              consequence: add.text === drop.text ? `API server refuses this ${policyName(owner)}` : "the entries contradict",
              remedy: "remove it from one list",
              explanation: message,
              severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, computed),
              ...reportBase(owner)
            });
            return;
          }
          const all = targetsFor(context.targets, owner).map((t) => verdict(t, capability));
          const verdicts2 = all.filter((v) => !v.target.context);
          const rejected = verdicts2.some((v) => v.result === "rejected");
          context.report({
            path: entry.path,
            problem: `${capability} both added and dropped`,
            remedy: "keep it in one list",
            explanation: `${pairing(capability, add, drop)} ${describe3(verdicts2)} Keep it in one list: add if the ${owner.kind === "compose" ? "service" : "container"} needs it, drop if it must not have it.`,
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, rejected ? "error" : DEFAULT_SEVERITY),
            ...reportBase(owner),
            targets: all.map((v) => ({
              target: v.target.matrix ? v.target.label : v.target.id,
              outcome: OUTCOME[v.result],
              // Where the drop wins, the add is what is not granted.
              list: "add",
              detail: v.uncertain ? `${v.detail} (read in a later release and assumed for this one)` : v.detail,
              ...v.target.context ? { legacy: true } : {}
            }))
          });
        });
      }
    }
  }
});

// src/rules/cap-all/index.ts
var DEFAULT_SEVERITY2 = "warning";
var RESTRICTED_MESSAGE = 'must set securityContext.capabilities.drop=["ALL"]';
function exactComparison(owner, list, text) {
  const policy = policyName(owner);
  const hedge = owner.kind === "scc" ? " (assumed to work like PodSecurityPolicy; not verified for SCC)" : "";
  if (owner.kind === "compose") return "";
  if (policy && list.field === "allowedCapabilities") {
    return `${policy} compares names exactly${hedge}: this entry admits pods that add ${quote2(text)}, not ALL.`;
  }
  if (policy && list.field === "defaultAddCapabilities") {
    return `${policy} copies ${quote2(text)} as written into every container's add list.`;
  }
  if (policy) {
    return `${policy} compares names exactly${hedge}: a pod that drops ALL does not satisfy this entry, so the policy adds ${quote2(text)} to the pod's drop list as written.`;
  }
  if (list.direction === "drop" && !list.entries.some((e) => e.value === "ALL")) {
    return `Pod Security admission\u2019s restricted level requires exactly "ALL" in drop, so the pod fails it (${RESTRICTED_MESSAGE}).`;
  }
  return "";
}
function grantsEverything(owner, list, exact) {
  const policy = policyName(owner);
  if (policy && list.field === "allowedCapabilities") {
    return "Allowing ALL lets pods take every capability, close to running privileged: allow only the capabilities pods need.";
  }
  const lead = exact ? "ALL in an add list grants" : "Written as ALL, it would grant";
  if (policy) {
    return `${lead} every capability to every container the policy admits, close to running privileged: list only the capabilities containers need.`;
  }
  const who = owner.kind === "compose" ? "service" : "container";
  return `${lead} every capability, close to running privileged: list the capabilities the ${who} actually needs.`;
}
var cap_all_default = defineRule({
  meta: {
    id: "cap-all",
    severity: DEFAULT_SEVERITY2,
    description: "ALL written with a CAP_ prefix or not in upper case, or ALL in an add list",
    docs: [
      "Runtimes treat `ALL` specially: in `drop` it removes every capability, in `add` it grants every capability.",
      "Three ways to get it wrong:",
      "",
      "- **`all`, `All`** (not upper case): Docker, containerd, CRI-O and Podman accept any case, but Pod Security",
      '  admission\u2019s restricted level requires `drop` to contain exactly `"ALL"`, so the pod fails `restricted`',
      '  (`must set securityContext.capabilities.drop=["ALL"]`). PodSecurityPolicy compares exactly as well.',
      "- **`CAP_ALL`, `cap_all`** (prefixed): no runtime recognises ALL with a prefix. In `drop`, containerd 1.3+",
      "  drops nothing and the container keeps its default capabilities; containerd 1.1\u20131.2, CRI-O, Docker \u226519.03",
      "  and Podman refuse the container; Docker \u226418.09 fails at start. In `add`, most runtimes refuse the container",
      "  and containerd with runc \u22651.0.0-rc94 starts it without the capabilities. Severity is `error` when a target",
      "  refuses or ignores it.",
      "- **`ALL` in `add`** grants every capability, which is close to a privileged container. List the",
      "  capabilities the container actually needs instead (no automatic fix).",
      "",
      "One finding per entry combines whichever of these apply. The spelling fix (to `ALL`) is applied",
      "automatically for `drop` lists and for lower-case `all` in `add` (runtimes already read it as ALL); for",
      "`CAP_ALL` in `add` it is only a suggestion, because it would grant every capability where nothing was granted."
    ].join("\n"),
    fixable: "safe",
    citations: [
      ...PSS_FACTS.restricted.citations,
      ...PSP_FACTS.citations,
      "moby/moby@v19.03.0:oci/caps/utils.go L86-113 (ALL matched after upper-casing; CAP_ALL is unknown)",
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235 (EqualFold "ALL")',
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790",
      "cri-o/cri-o@v1.0.0:server/container_create.go L729-736 (an unknown drop fails the container)",
      "containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding",
      "containers/common@HEAD:pkg/capabilities/capabilities.go",
      "opencontainers/runc commit 5fb831a0f (PR #2854)"
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [ALL]\n    drop: [CAP_ALL]",
      valid: "securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n    drop: [ALL]"
    },
    tags: ["security", "policy", "portability"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const entry of list.entries) {
          const name = analyzeName(entry.value);
          if (name.text === void 0 || name.padded || !name.isAll) continue;
          const text = name.text;
          const prefixed = name.prefixes > 0;
          const spelling = text !== "ALL";
          const add = list.direction === "add";
          if (!spelling && !add) continue;
          const allowList = policyName(owner) !== void 0 && list.field === "allowedCapabilities";
          const targets = spelling && !allowList ? targetsFor(context.targets, owner) : [];
          const privileged = { privileged: isPrivileged(owner) };
          const written = evaluate(targets, list.direction, text, privileged);
          const intended = evaluate(targets, list.direction, "ALL", privileged);
          const relevant = written.filter((_, i) => intended[i]?.prediction.outcome === "applied");
          const worse = relevant.filter((e) => e.prediction.outcome !== "applied");
          if (owner.kind === "compose" && spelling && !prefixed && !add && deciding(worse).length === 0) continue;
          const parts = [];
          if (prefixed) {
            parts.push(`${quote2(text)} is not ALL to runtimes: they recognise ALL only without the CAP_ prefix.`);
            if (worse.length > 0) parts.push(describeOutcomes(relevant, list.direction));
          } else if (spelling) {
            parts.push(`${quote2(text)} is ALL written in ${text === text.toLowerCase() ? "lower" : "mixed"} case.`);
            if (worse.length > 0) parts.push(describeOutcomes(relevant, list.direction));
            else if (relevant.length > 0) parts.push("Runtimes accept ALL in any case.");
          }
          if (spelling) {
            const policy = exactComparison(owner, list, text);
            if (policy) parts.push(policy);
          }
          if (add) parts.push(grantsEverything(owner, list, !prefixed));
          if (spelling && !add) parts.push("Write ALL.");
          else if (spelling && !prefixed) parts.push("If you keep it, write ALL.");
          let fix3;
          let suggestion;
          if (spelling) {
            const change = replaceWith(entry.path, "ALL", `replace ${quote2(text)} with ALL`);
            if (add && prefixed) suggestion = change;
            else fix3 = change;
          }
          const computed = prefixed || breaks(worse) ? "error" : "warning";
          context.report({
            path: entry.path,
            problem: prefixed ? `${quote2(text)}: not ALL to runtimes (CAP_ prefix)` : spelling ? `${quote2(text)}: ALL in ${text === text.toLowerCase() ? "lower" : "mixed"} case` : `ALL in ${list.field}`,
            ...worse.length > 0 ? {} : { consequence: add ? "grants every capability" : "admission policies compare names exactly" },
            ...add && !spelling ? { remedy: "add only the capabilities needed" } : {},
            explanation: parts.join(" "),
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY2, computed),
            ...reportBase(owner),
            ...written.length > 0 ? { targets: toTargetOutcomes(written) } : {},
            ...fix3 ? { fix: fix3 } : {},
            ...suggestion ? { suggestion } : {}
          });
        }
      }
    }
  }
});

// src/rules/cap-case/index.ts
var DEFAULT_SEVERITY3 = "warning";
function exactComparison2(owner, list, written, name) {
  const policy = policyName(owner);
  const hedge = owner.kind === "scc" ? " (assumed to work like PodSecurityPolicy; not verified for SCC)" : "";
  if (policy && list.field === "allowedCapabilities") {
    return `${policy} compares names exactly${hedge}: this entry admits pods that write ${quote2(written)} and refuses pods that write ${name}.`;
  }
  if (policy && list.field === "defaultAddCapabilities") {
    return `${policy} compares names exactly${hedge} and copies ${quote2(written)} as written into every container's add list.`;
  }
  if (policy) {
    return `${policy} compares names exactly${hedge}: a pod that drops ${name} does not satisfy this entry, so the policy adds ${quote2(written)} to the pod's drop list as written.`;
  }
  if (list.direction === "drop") {
    return `A policy that requires ${name} to be dropped and compares names exactly does not see ${quote2(written)}.`;
  }
  const levels = [
    PSS_BASELINE_ALLOWED_ADD.has(name) ? "baseline" : void 0,
    PSS_RESTRICTED_ALLOWED_ADD.has(name) ? "restricted" : void 0
  ].filter((l) => l !== void 0);
  if (levels.length > 0) {
    return `Pod Security admission compares names exactly: the ${levels.join(" and ")} level${levels.length > 1 ? "s refuse" : " refuses"} ${quote2(written)} even though ${name} is allowed.`;
  }
  return `Policies that allow ${name} by name and compare exactly (PodSecurityPolicy, admission policies) do not match ${quote2(written)}.`;
}
function knownExactMatch(owner, list, name) {
  if (policyName(owner)) return true;
  if (list.direction === "drop") return name === "NET_RAW";
  return PSS_BASELINE_ALLOWED_ADD.has(name) || PSS_RESTRICTED_ALLOWED_ADD.has(name);
}
var cap_case_default = defineRule({
  meta: {
    id: "cap-case",
    severity: DEFAULT_SEVERITY3,
    description: "Capability name not written in upper case, which exact-match policies do not recognise",
    docs: [
      "Docker (every version), containerd, CRI-O and Podman upper-case capability names, so `sys_time` or `Chown`",
      "works on the node. Everything in Kubernetes that compares names does so exactly, though:",
      "",
      "- Pod Security admission (baseline and restricted) looks names up case-sensitively: `add: [chown]` fails the",
      "  baseline level even though CHOWN is on its list.",
      "- PodSecurityPolicy builds exact-match sets from its lists: `allowedCapabilities: [sys_time]` admits only",
      "  pods that write `sys_time`, and `requiredDropCapabilities: [net_raw]` is not satisfied by a pod that drops",
      "  `NET_RAW`, so the policy adds `net_raw` to it as written.",
      "- Admission policies written as plain string comparisons do not see `net_raw` when they look for `NET_RAW`.",
      "",
      "rkt, the obsolete in-tree runtime, needed a `CAP_` prefix and refused bare names; when it is a target, the",
      "finding is an error. Otherwise it is a warning where something that exists compares the entry exactly (Pod",
      "Security admission for a name it allows, PodSecurityPolicy and SCC lists, drop-NET_RAW policies), and `info`",
      "where that concern is only hypothetical (`drop: [net_admin]`). Write the name in upper case, without prefix:",
      "the fix does exactly that."
    ].join("\n"),
    fixable: "safe",
    citations: [
      ...PSS_FACTS.baseline.citations,
      ...PSS_FACTS.restricted.citations,
      ...PSP_FACTS.citations,
      "moby/moby@v1.10.0:daemon/execdriver/utils_unix.go (case-insensitive comparison)",
      "moby/moby@v19.03.0:oci/caps/utils.go L86-113 (NormalizeLegacyCapabilities upper-cases)",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235",
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790",
      "containers/common@HEAD:pkg/capabilities/capabilities.go",
      "rkt/rkt@v1.30.0:stage1/init/common/pod.go L537, L636-713",
      ...NAME_HANDLING_CITATIONS
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [chown]\n    drop: [net_raw]",
      valid: "securityContext:\n  capabilities:\n    add: [CHOWN]\n    drop: [NET_RAW]"
    },
    tags: ["portability", "policy"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const entry of list.entries) {
          const written = entry.value;
          const analysis = analyzeName(written);
          const capability = analysis.capability;
          if (analysis.text === void 0 || analysis.padded || analysis.prefixes > 0 || !capability) continue;
          if (analysis.text === capability.name) continue;
          const text = analysis.text;
          const name = capability.name;
          const allowList = policyName(owner) !== void 0 && list.field === "allowedCapabilities";
          const evaluated = allowList ? [] : evaluate(targetsFor(context.targets, owner), list.direction, text, { privileged: isPrivileged(owner) });
          const broken = evaluated.filter((e) => e.prediction.outcome !== "applied");
          const spellingBreaks = broken.filter(
            (e) => [name, `CAP_${name}`].some((s) => predict(e.target, list.direction, s).outcome === "applied")
          );
          if (owner.kind === "compose" && deciding(spellingBreaks).length === 0) continue;
          let runtime = "";
          if (allowList) {
            runtime = "";
          } else if (spellingBreaks.length > 0) {
            const applied = evaluated.filter((e) => e.prediction.outcome === "applied");
            runtime = describeOutcomes([...spellingBreaks, ...applied], list.direction);
            const upper = evaluate(
              spellingBreaks.map((e) => e.target),
              list.direction,
              name
            );
            const stillFails = upper.filter((e) => e.prediction.outcome !== "applied");
            if (stillFails.length > 0) {
              runtime += ` Upper case does not help on ${labels(stillFails)}: ${name} fails there too; it needs CAP_${name}.`;
            }
          } else if (broken.length === 0) {
            const effect = list.direction === "add" ? "gets" : "loses";
            runtime = `Runtimes upper-case it or ignore case, so the container ${effect} ${name}.`;
          } else {
            runtime = `Runtimes upper-case it or ignore case: wherever ${name} works, ${quote2(text)} works too.`;
          }
          const policy = owner.kind === "compose" ? "" : ` ${exactComparison2(owner, list, text, name)}`;
          const computed = breaks(spellingBreaks) ? "error" : knownExactMatch(owner, list, name) ? "warning" : "info";
          context.report({
            path: entry.path,
            problem: `${quote2(text)}: not upper case`,
            ...spellingBreaks.length > 0 ? {} : { consequence: "admission policies compare names exactly" },
            explanation: `${quote2(text)} is not upper case.${runtime ? ` ${runtime}` : ""}${policy} Write ${name}.`,
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY3, computed),
            ...reportBase(owner),
            ...evaluated.length > 0 ? { targets: toTargetOutcomes(evaluated) } : {},
            fix: replaceWith(entry.path, name, `replace ${quote2(text)} with ${name}`)
          });
        }
      }
    }
  }
});

// src/rules/cap-dangerous/index.ts
var NEAR_ROOT = CAPABILITIES.filter((c) => c.risk === "near-root").map((c) => c.name);
var ALTERNATIVES = {
  SYS_ADMIN: "If it is there for eBPF or perf tracing, PERFMON and BPF cover that without SYS_ADMIN on Linux \u22655.8, with a runtime that knows them (runc \u22651.0.0-rc93, Docker \u226523.0).",
  NET_ADMIN: "If the container only needs to bind a port below 1024, NET_BIND_SERVICE alone is enough.",
  ALL: "List only the capabilities the workload needs; for a port below 1024 that is NET_BIND_SERVICE alone, and eBPF agents usually ask for BPF and PERFMON (Linux \u22655.8)."
};
var NARROWER = {
  SYS_ADMIN: "for eBPF or perf, grant BPF and PERFMON instead",
  NET_ADMIN: "to bind a port below 1024, grant NET_BIND_SERVICE instead"
};
function firstClause(sentence) {
  const clause = (sentence.split(/[.:;](?:\s|$)/)[0] ?? sentence).replace(/\s*\([^)]*\)/g, "").trim();
  return `${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
}
var consequences = /* @__PURE__ */ new Map();
function consequenceOf(cap) {
  let text = consequences.get(cap.name);
  if (text === void 0) {
    text = cap.why ? clip(firstClause(cap.why), 72) : "a compromise reaches beyond the container";
    consequences.set(cap.name, text);
  }
  return text;
}
function podFlag(spec2, flag) {
  if (!spec2) return void 0;
  return spec2.value[flag] === true;
}
function scopeSentence(cap, owner) {
  const compose = owner.kind === "compose";
  switch (cap.scope) {
    case "host":
      return "Its effect is not confined to the container: it reaches the whole node.";
    case "host-escape":
      return "It is used inside the container, but it is a known way out of it onto the host.";
    case "network-namespace": {
      const hostNetwork = podFlag(owner.podSpec, "hostNetwork");
      if (hostNetwork === true) {
        return "This pod sets hostNetwork: true, so it acts on the node's own network (routes, firewall, interfaces).";
      }
      if (hostNetwork === false) {
        return "The pod does not use hostNetwork, so it acts on the pod's own network namespace only; with hostNetwork it would reach the node's network.";
      }
      return compose ? "It acts on the container's own network namespace, or on the host's network when the container shares it." : "It acts on the pod's own network namespace, or on the node's network when the pod uses hostNetwork.";
    }
    default: {
      if (cap.name !== "SYS_PTRACE") return "Its effect stays within the container's namespaces.";
      const hostPID = podFlag(owner.podSpec, "hostPID");
      if (hostPID === true) return "This pod sets hostPID: true, so it reaches every process on the node.";
      if (hostPID === false) {
        return "It reaches the processes the container can see (the pod's own, as hostPID is not set); hostPID: true would widen it to every process on the node.";
      }
      return compose ? "It reaches the processes the container can see, and the host's processes when it shares the host PID namespace." : "It reaches the processes the container can see; with hostPID that includes every process on the node.";
    }
  }
}
function grant(owner, list, what) {
  switch (owner.kind) {
    case "container":
      return `${owner.container?.name !== void 0 ? `Container ${JSON.stringify(owner.container.name)}` : "This container"} adds ${what}`;
    case "pod":
      return `The pod-level securityContext lists ${what}`;
    case "compose":
      return `Compose service ${JSON.stringify(owner.label ?? "?")} adds ${what}`;
    case "psp":
    case "scc": {
      const kind = owner.kind === "psp" ? "PodSecurityPolicy" : "SecurityContextConstraints";
      const name = JSON.stringify(owner.object?.ref.name ?? "?");
      return list.field === "defaultAddCapabilities" ? `${kind} ${name} adds ${what} to every container it admits (unless the container drops it)` : `${kind} ${name} lets containers add ${what}`;
    }
    default:
      return `This capabilities mapping adds ${what}`;
  }
}
function podLevelNote(owner) {
  return owner.kind === "pod" ? " (the pod-level securityContext has no capabilities field, so nothing is granted here, but moved into a container it would be)" : "";
}
var cap_dangerous_default = defineRule({
  meta: {
    id: "cap-dangerous",
    severity: "info",
    description: "Added capability that is close to root (SYS_ADMIN, NET_ADMIN, SYS_MODULE, BPF\u2026) or ALL",
    docs: [
      "Reports capabilities that are added (container `add` lists, Helm values, compose `cap_add`, PodSecurityPolicy",
      "and SecurityContextConstraints `allowedCapabilities` and `defaultAddCapabilities`) when they give near-root",
      `power: ${NEAR_ROOT.join(", ")}, and \`ALL\`. A PodSecurityPolicy or SCC that allows \`*\` is reported too.`,
      "",
      "The message says what the capability allows, why it is dangerous, and how far its effect reaches:",
      "NET_ADMIN acts on the pod's own network namespace unless the pod uses `hostNetwork`, SYS_PTRACE reaches",
      "host processes when the pod uses `hostPID`, and capabilities such as SYS_MODULE, SYS_BOOT or PERFMON act on",
      "the whole node. Spelling variants (`cap_sys_admin`) are reported under their canonical name; the spelling",
      "itself is left to cap-prefix and cap-case.",
      "",
      "This is informational: some workloads (CNI agents, eBPF tools, debuggers) need these capabilities. Where a",
      "narrower grant is well known the message names it, e.g. PERFMON and BPF instead of SYS_ADMIN for eBPF",
      "tracing on Linux \u22655.8, or NET_BIND_SERVICE when the only need is a port below 1024."
    ].join("\n"),
    fixable: false,
    citations: [
      ...CAPABILITY_SOURCES,
      "moby/moby PR #41563 and PR #42011 (PERFMON/BPF unknown on Docker 20.10, known from 23.0)",
      "opencontainers/runc commit 6dfbe9b807 (PERFMON/BPF/CHECKPOINT_RESTORE known from v1.0.0-rc93)",
      "cri-o/cri-o#4478 (crun needs 0.16 for PERFMON/BPF)",
      ...PSP_FACTS.citations
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [SYS_ADMIN]",
      valid: "securityContext:\n  capabilities:\n    add: [BPF, PERFMON]\n    drop: [ALL]"
    },
    tags: ["security"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (isPrivileged(owner)) continue;
      for (const list of owner.lists) {
        if (list.direction !== "add") continue;
        for (const entry of list.entries) {
          const base = { path: entry.path, severity: context.severity, ...reportBase(owner) };
          if (entry.value === PSP_FACTS.wildcard && list.field === "allowedCapabilities" && (owner.kind === "psp" || owner.kind === "scc")) {
            const what = owner.kind === "psp" ? "PodSecurityPolicy" : "SecurityContextConstraints";
            context.report({
              ...base,
              problem: `"*" in allowedCapabilities of ${what} ${JSON.stringify(owner.object?.ref.name ?? "?")}`,
              consequence: "admitted containers may add any capability",
              remedy: "list only the capabilities needed",
              explanation: `${what} ${JSON.stringify(owner.object?.ref.name ?? "?")} allows every capability ("*"): containers it admits may add any of them, including near-root ones such as SYS_ADMIN and SYS_MODULE. List only the capabilities those workloads need.`
            });
            continue;
          }
          const name = analyzeName(entry.value);
          if (name.text === void 0 || name.padded) continue;
          const spelled = (canonical) => name.text === canonical ? "" : ` (written ${JSON.stringify(name.text)})`;
          if (name.isAll) {
            context.report({
              ...base,
              problem: `${quote2(name.text)} in ${list.field}`,
              consequence: "grants every capability, SYS_ADMIN included",
              remedy: "add only the capabilities needed",
              explanation: `${grant(owner, list, `ALL${spelled("ALL")}`)}${podLevelNote(owner)}: every capability, including the near-root ones (${NEAR_ROOT.join(", ")}). ${ALTERNATIVES.ALL}`
            });
            continue;
          }
          const cap = name.capability;
          if (cap?.risk !== "near-root") continue;
          const scope = scopeSentence(cap, owner);
          const rest = sharedText(
            `cap-dangerous\0${cap.name}\0${scope}`,
            () => ["", `It allows: ${cap.summary}`, cap.why ? `Risk: ${cap.why}` : "", scope, ALTERNATIVES[cap.name] ?? ""].filter((part, i) => i === 0 || part).join(" ")
          );
          context.report({
            ...base,
            problem: `${quote2(name.text)}: near-root capability`,
            consequence: consequenceOf(cap),
            remedy: NARROWER[cap.name] ?? "remove it unless needed",
            explanation: [
              `${grant(owner, list, `${cap.name}${spelled(cap.name)}`)}${podLevelNote(owner)}, a near-root capability.`,
              rest
            ]
          });
        }
      }
    }
  }
});

// src/rules/cap-duplicate/index.ts
function keyOf(name) {
  return name.capability?.name ?? (name.isAll ? "ALL" : void 0);
}
function rank(name) {
  if (name.canonical) return 0;
  if (name.padded) return 3;
  return name.prefixes === 0 ? 1 : 2;
}
function whyHarmless(owner) {
  const policy = policyName(owner);
  if (owner.kind === "psp") return `${policy} turns the list into a set, so the repeat changes nothing`;
  if (owner.kind === "scc")
    return `${policy} treats the list as a set of names (as PodSecurityPolicy does; not verified for SCC)`;
  return "Repeating a capability grants or drops nothing more (the kernel keeps capabilities as a set of bits)";
}
function occurrences(list) {
  const byKey = /* @__PURE__ */ new Map();
  list.entries.forEach((entry, index) => {
    if (typeof entry.value !== "string") return;
    const name = analyzeName(entry.value);
    const key = keyOf(name);
    if (key === void 0) return;
    const found = byKey.get(key);
    if (found) found.push({ index, text: entry.value, name });
    else byKey.set(key, [{ index, text: entry.value, name }]);
  });
  return byKey;
}
var cap_duplicate_default = defineRule({
  meta: {
    id: "cap-duplicate",
    severity: "warning",
    description: "The same capability appears more than once in one add, drop, allowed or required list",
    docs: [
      "A capability listed twice in the same list, in the same or another spelling (`NET_RAW` and `net_raw`,",
      "`ALL` and `all`), changes nothing for the container: capabilities are bits in a set, and PodSecurityPolicy",
      "builds a set from its lists. The repeat is still noise: it makes reviews and diffs harder to read, and a",
      "second spelling invites the question which one is meant.",
      "",
      "The rule reports every repeat except the best-spelled occurrence (the canonical upper-case name if there",
      "is one, otherwise the first entry that works on every runtime) and the fix removes the repeat. It checks",
      "container and compose lists, Helm values, and PodSecurityPolicy/SecurityContextConstraints lists; the",
      "elastic/cloud-on-k8s e2e SCC, for example, allows AUDIT_WRITE twice."
    ].join("\n"),
    fixable: "safe",
    citations: [
      ...PSP_FACTS.citations,
      "torvalds/linux:include/uapi/linux/capability.h (capability sets are bit masks)",
      "elastic/cloud-on-k8s:config/e2e/scc.yaml (AUDIT_WRITE listed twice)"
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    drop: [NET_RAW, SYS_ADMIN, net_raw]",
      valid: "securityContext:\n  capabilities:\n    drop: [NET_RAW, SYS_ADMIN]"
    },
    tags: ["maintainability"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const [key, found] of occurrences(list)) {
          if (found.length < 2) continue;
          const keeper = found.reduce((best, o) => rank(o.name) < rank(best.name) ? o : best);
          for (const repeat2 of found) {
            if (repeat2 === keeper) continue;
            const entry = list.entries[repeat2.index];
            if (!entry) continue;
            const where2 = entryLabel(list, keeper.index);
            const later = repeat2.index > keeper.index;
            let what;
            if (repeat2.text === keeper.text) what = `${key} is ${later ? "already" : "also"} listed at ${where2}.`;
            else if (later)
              what = `${quote2(repeat2.text)} names ${key} again, already listed as ${quote2(keeper.text)} at ${where2}.`;
            else
              what = `${quote2(repeat2.text)} names ${key}, which is also listed as ${quote2(keeper.text)} at ${where2}.`;
            context.report({
              path: entry.path,
              problem: `${quote2(repeat2.text)}: ${key} listed twice (also at ${where2})`,
              consequence: "harmless, but noise in reviews and diffs",
              explanation: `${what} ${whyHarmless(owner)}, but it is noise in reviews and diffs. Remove this entry.`,
              ...reportBase(owner),
              fix: removeItem(entry.path, `remove the repeated ${quote2(repeat2.text)}`)
            });
          }
        }
      }
    }
  }
});

// src/rules/cap-escalation-conflict/index.ts
var SINCE = must(API_SYS_ADMIN_CHECK.since);
var LITERAL = "CAP_SYS_ADMIN";
function apiCheck(versions) {
  const enforced = versions.filter((v) => compareVersions(v, SINCE) >= 0);
  const before = versions.filter((v) => compareVersions(v, SINCE) < 0);
  return {
    rejects: versions.length === 0 || enforced.length > 0,
    where: enforced.length > 0 ? `On Kubernetes ${enforced.map((v) => v.text).join(", ")}, the` : "The",
    before
  };
}
function subject(object, inPodSpec) {
  if (!inPodSpec) return "any pod that receives this securityContext";
  if (!object?.kind || object.kind === "Pod") return "the pod";
  return `the ${object.kind} (its pod template fails validation)`;
}
function oldNote(check) {
  return check.before.length > 0 ? ` Kubernetes ${check.before.map((v) => v.text).join(", ")} predates the check (added in ${API_SYS_ADMIN_CHECK.since}) and accepts it.` : "";
}
var cap_escalation_conflict_default = defineRule({
  meta: {
    id: "cap-escalation-conflict",
    severity: "warning",
    description: "allowPrivilegeEscalation: false next to SYS_ADMIN, ALL or privileged: true",
    docs: [
      "`allowPrivilegeEscalation: false` makes the kubelet set no_new_privs, which stops setuid binaries and file",
      "capabilities from raising privileges. It does nothing about capabilities the container already holds, so",
      "combining it with SYS_ADMIN, with ALL, or with `privileged: true` is a contradiction.",
      "",
      "- `privileged: true` with `allowPrivilegeEscalation: false`: the API server has rejected this since",
      "  Kubernetes 1.8 (`cannot set allowPrivilegeEscalation to false and privileged to true`). Reported as an error.",
      "- The literal string `CAP_SYS_ADMIN` in `add`: rejected the same way since 1.8",
      "  (`cannot set allowPrivilegeEscalation to false and capabilities.Add CAP_SYS_ADMIN`). Reported as an error.",
      "  Kubernetes PR #138834 relaxes this check in two steps. Its first release, 1.37 (inferred from release notes; the",
      "  code was not read), accepts the combination only on updates of existing pods and still rejects new ones, so",
      "  this stays an error there. Accepting new pods is left to a later release, not yet made by 1.38.0-alpha.1.",
      "- `SYS_ADMIN` in any other spelling (`SYS_ADMIN`, `sys_admin`, `cap_sys_admin`\u2026) or `ALL`: the check compares",
      "  only that exact string, so the pod is accepted, and it runs with no_new_privs while holding SYS_ADMIN (or",
      "  every capability). The setting then promises more than it gives (kubernetes/kubernetes#119568, #131336).",
      "  Reported with the configured severity.",
      "",
      "With `--target k8s@VERSION` older than 1.8 the API cases are reported as contradictions only.",
      "Grant the narrower capabilities the container really needs instead of SYS_ADMIN or ALL, and do not mark a",
      "container both privileged and non-escalating: decide which one it is."
    ].join("\n"),
    fixable: false,
    citations: [
      ...API_SYS_ADMIN_CHECK.citations,
      "kubernetes/kubernetes#115142",
      ...API_SYS_ADMIN_CHECK.relaxationCitations
    ],
    example: {
      invalid: [
        "securityContext:",
        "  allowPrivilegeEscalation: false",
        "  capabilities:",
        "    add: [CAP_SYS_ADMIN]"
      ].join("\n"),
      valid: [
        "securityContext:",
        "  allowPrivilegeEscalation: false",
        "  capabilities:",
        "    add: [NET_BIND_SERVICE]",
        "    drop: [ALL]"
      ].join("\n")
    },
    tags: ["security", "correctness"]
  },
  check(context) {
    const check = apiCheck(kubernetesVersions(context.targets));
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "container" && owner.kind !== "security-context") continue;
      if (owner.securityContext?.allowPrivilegeEscalation !== false) continue;
      const inPodSpec = owner.kind === "container";
      for (const list of owner.lists) {
        if (list.direction !== "add") continue;
        for (const entry of list.entries) {
          const name = analyzeName(entry.value);
          if (entry.value === LITERAL) {
            const rejected = check.rejects;
            const head = rejected ? `${check.where} API server rejects ${subject(owner.object?.ref, inPodSpec)}: ${API_SYS_ADMIN_CHECK.message} (since Kubernetes ${API_SYS_ADMIN_CHECK.since}).` : `The combination of allowPrivilegeEscalation: false and "${LITERAL}" in add is contradictory.`;
            context.report({
              path: entry.path,
              problem: `"${LITERAL}" in add with allowPrivilegeEscalation: false`,
              consequence: rejected ? `API server rejects it (Kubernetes \u2265${API_SYS_ADMIN_CHECK.since})` : "contradictory settings",
              remedy: "grant narrower capabilities",
              explanation: `${head}${oldNote(check)} The check matches only this exact spelling: SYS_ADMIN would pass it, yet no_new_privs does not hold back a process that already has SYS_ADMIN (kubernetes/kubernetes#119568). Grant the narrower capabilities the container needs instead. Note: ${API_SYS_ADMIN_CHECK.relaxation}.`,
              severity: chooseSeverity(context.severity, "warning", rejected ? "error" : "warning"),
              ...reportBase(owner)
            });
            continue;
          }
          const sysAdmin = isSysAdmin(name) && !name.padded;
          const all = name.isAll && name.prefixes === 0 && !name.padded;
          if (!sysAdmin && !all) continue;
          const what = name.isAll ? "ALL (every capability, SYS_ADMIN included)" : spelledSysAdmin(name.text ?? "");
          context.report({
            path: entry.path,
            problem: `${name.isAll ? "ALL" : quote2(name.text ?? "")} in add with allowPrivilegeEscalation: false`,
            consequence: `no_new_privs does not limit ${name.isAll ? "every capability" : "SYS_ADMIN"}`,
            remedy: "grant narrower capabilities",
            explanation: `allowPrivilegeEscalation: false next to ${what} in add is contradictory. The API server accepts it (its check matches only the literal "${LITERAL}"), and the container then runs with no_new_privs while holding ${name.isAll ? "every capability" : "SYS_ADMIN"}: no_new_privs only stops setuid binaries and file capabilities, so forbidding escalation promises more than it gives (kubernetes/kubernetes#119568, #131336). Grant the narrower capabilities the container needs instead.`,
            severity: context.severity,
            ...reportBase(owner)
          });
        }
      }
    }
    const contexts = /* @__PURE__ */ new Map();
    const contradictory = (mapping) => mapping.privileged === true && mapping.allowPrivilegeEscalation === false;
    for (const spec2 of context.extracted.podSpecs) {
      for (const container of spec2.containers) {
        if (!container.securityContext || !contradictory(container.securityContext)) continue;
        const c = {
          mapping: container.securityContext,
          path: [...container.path, "securityContext"],
          inPodSpec: true
        };
        if (spec2.object) c.object = spec2.object.ref;
        if (container.name !== void 0) c.container = container.name;
        contexts.set(JSON.stringify(c.path), c);
      }
    }
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "security-context" || !owner.securityContext || !owner.securityContextPath) continue;
      if (!contradictory(owner.securityContext)) continue;
      const c = { mapping: owner.securityContext, path: owner.securityContextPath, inPodSpec: false };
      if (owner.object) c.object = owner.object.ref;
      contexts.set(JSON.stringify(c.path), c);
    }
    for (const c of contexts.values()) {
      const rejected = check.rejects;
      const head = rejected ? `${check.where} API server rejects ${subject(c.object, c.inPodSpec)}: ${API_SYS_ADMIN_CHECK.privilegedMessage} (since Kubernetes ${API_SYS_ADMIN_CHECK.since}).` : "The combination of privileged: true and allowPrivilegeEscalation: false is contradictory.";
      const report = {
        path: [...c.path, "allowPrivilegeEscalation"],
        problem: "privileged: true with allowPrivilegeEscalation: false",
        consequence: rejected ? `API server rejects it (Kubernetes \u2265${API_SYS_ADMIN_CHECK.since})` : "contradictory settings",
        remedy: "remove one (better: privileged)",
        explanation: `${head}${oldNote(check)} A privileged container holds every capability and can always escalate, so the two settings contradict each other: keep privileged: true and remove allowPrivilegeEscalation: false, or (better) drop privileged: true and grant only the capabilities the container needs.`,
        severity: chooseSeverity(context.severity, "warning", rejected ? "error" : "warning")
      };
      if (c.object) report.object = c.object;
      if (c.container !== void 0) report.container = c.container;
      context.report(report);
    }
  }
});
function isSysAdmin(name) {
  return name.capability?.name === "SYS_ADMIN";
}
function spelledSysAdmin(text) {
  return text === "SYS_ADMIN" ? "SYS_ADMIN" : `${quote2(text)} (SYS_ADMIN, if the runtime accepts this spelling)`;
}

// src/rules/cap-kernel/index.ts
var LOWEST_OCI_MAX = Math.min(...OCI_RANGES.map((r) => r.knownMax));
function limitsOf(target, capability, direction) {
  const engine = target.engine;
  const viaOci2 = direction === "add" && engine?.unknownAdd.action === "oci";
  return {
    engine: engine?.knownMax !== void 0 && capability.number > engine.knownMax,
    oci: viaOci2 && capability.number > (target.oci?.knownMax ?? LOWEST_OCI_MAX),
    kernel: target.kernel !== void 0 && !kernelHasCapability(capability, target.kernel)
  };
}
var tooOld = (l) => l.engine || l.oci || l.kernel;
function breaks2(e, direction) {
  return e.prediction.outcome === "rejected" || e.prediction.outcome === "ignored" && direction === "add";
}
function inputFor(target, name) {
  return target.engine?.naming === "prefix-required" ? `CAP_${name}` : name;
}
var cap_kernel_default = defineRule({
  meta: {
    id: "cap-kernel",
    severity: "warning",
    description: "Capability newer than the target runtime or kernel knows (PERFMON, BPF, CHECKPOINT_RESTORE\u2026)",
    docs: [
      "Capabilities keep being added to Linux: AUDIT_READ in 3.16, PERFMON and BPF in 5.8, CHECKPOINT_RESTORE in 5.9.",
      "A runtime checks names against the list it was built with (often cut at the running kernel\u2019s last",
      "capability), so a correctly spelled, real capability can still be refused:",
      "",
      "- Docker 19.03\u201320.10 stops at AUDIT_READ: `add: [PERFMON]` fails at create with",
      '  `invalid CapAdd: unknown capability: "CAP_PERFMON"` (CreateContainerError), and the same name in `drop`',
      "  fails with `invalid CapDrop`. Docker 1.2\u201318.09 fails at start (RunContainerError). Docker 23+ knows them.",
      "- containerd 1.1\u20131.2 refuses unknown names when it builds the spec (CreateContainerError). containerd 1.3+",
      "  passes them to the OCI runtime: runc \u22641.0.0-rc92 fails the start (RunContainerError); runc 1.0.0-rc93",
      "  and later know PERFMON, BPF and CHECKPOINT_RESTORE (up to the kernel\u2019s last capability), and from rc94",
      "  on runc starts the container without a name it does not know and only logs a warning.",
      "- CRI-O up to 1.20 checks names against a capability list that ends at AUDIT_READ: `add: [BPF]` fails with",
      '  `unknown capability "CAP_BPF" to add` (CreateContainerError), and `drop: [BPF]` with `failed to drop cap`.',
      "  1.21 and later know them.",
      "- On a node whose kernel predates the capability, Docker 23+ says `capability not supported by your kernel",
      "  or not available in the current environment`; CRI-O and Podman call it unknown; containerd with a",
      "  current runc silently leaves it out.",
      "",
      "The kernel is judged only when a target names it (`--target kernel@5.4`). The kernel version is a",
      "heuristic: enterprise kernels (RHEL 8\u2019s 4.18, for example) may backport newer capabilities, so",
      "`/proc/sys/kernel/cap_last_cap` on the node is the real answer.",
      "",
      "A dropped capability that the runtime silently skips is not reported: it was never in the container.",
      "Without `--target`, only the runtimes supported today decide: a capability that every one of them knows",
      '(BPF and PERFMON on an eBPF DaemonSet) and only end-of-life ones refuse is `info`, with the "also fails on"',
      "note. Severity is `error` when a target fails or silently does not grant the capability, and the configured",
      "severity when the outcome is only uncertain. There is no automatic fix: upgrade the runtime (Docker 23+,",
      "containerd with runc \u22651.0.0-rc94) or the kernel, or remove the entry where the nodes cannot provide it."
    ].join("\n"),
    fixable: false,
    citations: [
      ...CAPABILITY_SOURCES,
      "moby/moby@v20.10.0:oci/caps/utils.go L13-30 (commit a38b96b8cd, PR #41563)",
      "moby/moby@v23.0.0:oci/caps/utils.go L56-78 (commit 485cf38d48, PR #42933)",
      "moby/moby#42601",
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid",
      "opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70",
      "opencontainers/runc commit 6dfbe9b807 (PERFMON, BPF, CHECKPOINT_RESTORE; first in v1.0.0-rc93)",
      "cri-o/cri-o@v1.20.9:go.mod (gocapability pinned to d98352740cb2, which ends at AUDIT_READ)",
      "cri-o/cri-o@v1.21.0:go.mod (gocapability 42c35b437635)",
      "opencontainers/runc commit 6dfbe9b807",
      "opencontainers/runc commit 5fb831a0f (PR #2854), first in v1.0.0-rc94",
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790",
      "containers/common@HEAD:pkg/capabilities/capabilities.go"
    ],
    example: {
      invalid: "# nodes run Docker 20.10\nsecurityContext:\n  capabilities:\n    add: [PERFMON, BPF]",
      valid: "# nodes run Docker 23+ (or CRI-O, Podman, containerd with runc \u22651.0.0-rc94) on Linux 5.8+\nsecurityContext:\n  capabilities:\n    add: [PERFMON, BPF]"
    },
    tags: ["portability", "reliability"]
  },
  check(context) {
    for (const { entry, list, owner, name } of nameSites(context.extracted)) {
      const capability = name.capability;
      if (!capability || name.text === void 0) continue;
      const direction = list.direction;
      const targets = targetsFor(context.targets, owner);
      const limits = targets.map((t) => limitsOf(t, capability, direction));
      if (!limits.some(tooOld)) continue;
      const privileged = { privileged: isPrivileged(owner) };
      const evaluated = targets.flatMap((t) => evaluate([t], direction, inputFor(t, capability.name), privileged));
      const concerned = evaluated.filter((_, i) => tooOld(limits[i]));
      const broken = deciding(concerned).filter((e) => breaks2(e, direction));
      const uncertain = deciding(concerned).filter((e) => e.prediction.outcome === "unknown");
      const legacyBroken = contextOnly(concerned).filter((e) => breaks2(e, direction));
      if (broken.length === 0 && uncertain.length === 0 && legacyBroken.length === 0) continue;
      const written = name.text === capability.name ? "" : `written ${quote2(name.text)}, `;
      const some = evaluated.length === 1 ? "the target" : "some targets";
      const where2 = owner.kind === "values" || owner.kind === "security-context" ? `this ${list.field} list` : `the ${list.field} list of ${ownerLabel(owner)}`;
      const onlyLegacy = broken.length === 0 && uncertain.length === 0;
      const head = onlyLegacy ? `${capability.name} (${written}added in Linux ${capability.kernel}) in ${where2} is known to every current runtime.` : `${capability.name} (${written}added in Linux ${capability.kernel}) in ${where2} is newer than ${some} ${broken.length > 0 ? "can handle" : "may know"}.`;
      const outcome = onlyLegacy ? legacyNote(evaluated, direction) : describeOutcomes(evaluated, direction);
      const kernelJudged = evaluated.some((e, i) => limits[i]?.kernel && (broken.includes(e) || uncertain.includes(e)));
      const kernelNote = kernelJudged ? " Kernel versions are only a heuristic: enterprise kernels (RHEL 8\u2019s 4.18, for example) may backport newer capabilities; /proc/sys/kernel/cap_last_cap on the node is the real answer." : evaluated.some((e) => e.prediction.outcome === "applied" && e.target.kernel === void 0) ? ` Where it is accepted, the node still needs Linux ${capability.kernel} or later.` : "";
      const notes = uncertainNotes(evaluated, limits, broken);
      const advice = broken.length > 0 ? " Upgrade the runtime or kernel of those nodes, or keep the entry off them." : onlyLegacy ? "" : evaluated.length > 1 ? " Name the OCI runtime in the target (e.g. containerd@1.7+runc@1.1) to know." : "";
      context.report({
        path: entry.path,
        problem: `${quote2(name.text)}: needs Linux ${capability.kernel} and a runtime that knows it`,
        remedy: broken.length > 0 ? "upgrade those nodes or avoid them" : onlyLegacy ? `fine on current runtimes with Linux \u2265${capability.kernel}` : "name the OCI runtime in the target",
        explanation: `${head} ${outcome}${kernelNote}${notes}${advice}`,
        severity: chooseSeverity(
          context.severity,
          "warning",
          broken.length > 0 ? "error" : onlyLegacy ? "info" : "warning"
        ),
        ...reportBase(owner),
        targets: toTargetOutcomes(evaluated)
      });
    }
  }
});
function uncertainNotes(evaluated, limits, broken) {
  const notes = /* @__PURE__ */ new Set();
  evaluated.forEach((e, i) => {
    const l = limits[i];
    if (!l || !broken.includes(e)) return;
    const relevant = (n) => /highest capability|known/i.test(n);
    if (l.engine) {
      for (const n of e.target.engine?.uncertain ?? []) if (relevant(n)) notes.add(n);
    }
    if (l.oci) {
      for (const n of e.target.oci?.uncertain ?? []) if (relevant(n)) notes.add(n);
    }
  });
  return notes.size > 0 ? ` Not verified: ${[...notes].join("; ")}.` : "";
}

// src/knowledge/needs.ts
var RAISE_HARD_LIMIT = {
  capability: "SYS_RESOURCE",
  rule: "raising a hard resource limit above its current value needs CAP_SYS_RESOURCE in the initial user namespace; without it setrlimit(2) fails with EPERM",
  citations: [
    'man7.org: getrlimit(2) (setrlimit, "A privileged process \u2026 CAP_SYS_RESOURCE capability in the initial user namespace")',
    "torvalds/linux@v6.6:kernel/sys.c do_prlimit (capable(CAP_SYS_RESOURCE))"
  ],
  /** A pod with its own user namespace holds capabilities only inside it. */
  userNamespace: "in a pod with its own user namespace (hostUsers: false) SYS_RESOURCE is namespaced and cannot raise a hard limit",
  measured: [
    "runc with a user namespace (uid 0 \u2192 100000) and CAP_SYS_RESOURCE in the container: raising memlock still failed with EPERM (Debian 12, runc 1.1.5)"
  ]
};
var RLIMITS = [
  {
    item: "memlock",
    label: "max locked memory",
    flag: "l",
    resource: "RLIMIT_MEMLOCK",
    unit: "KiB",
    containerHard: {
      low: 64,
      high: 65536,
      short: "64 KiB to 64 MiB, inherited from the container runtime",
      text: "a container inherits the memlock limit of the container engine, which none of Docker, containerd or CRI-O raises by default: 64 KiB (the kernel default before Linux 5.16) to 8 MiB (from 5.16), 64 MiB seen on Ubuntu nodes",
      citations: [
        "torvalds/linux commit 9dcc38e2813e (Linux 5.16): include/uapi/linux/resource.h MLOCK_LIMIT raised to 8 MiB",
        "containerd/containerd#6741 (ulimit -l 65536 in a container on Ubuntu)"
      ],
      measured: [
        "`ulimit -l` was 8192 (KiB) in containers of runc 1.1.5, crun 1.8.1, Docker 20.10.24, containerd 1.6.20 and Podman 4.3.1: inherited from the engine; neither docker.service nor containerd.service sets LimitMEMLOCK"
      ],
      uncertain: ["a node whose runtime runs with LimitMEMLOCK=infinity hands that to its containers"]
    }
  },
  {
    item: "nofile",
    label: "open files",
    flag: "n",
    resource: "RLIMIT_NOFILE",
    unit: "count",
    containerHard: {
      low: 524288,
      high: 1073741816,
      short: "524288 to 1048576 or more, inherited from the container runtime",
      text: "a container inherits the open-files limit of the container engine: 1048576 where its unit sets LimitNOFILE=1048576 or infinity (Docker before 25, containerd 1.x, CRI-O), 524288 (the systemd 240+ default) where it sets none (Docker 25+, containerd 2.0+)",
      citations: [
        "containerd/containerd PR #8924",
        "moby/moby PR #45534",
        "containerd/containerd#3201",
        "containerd/containerd PR #9660 (CRI-O unit: LimitNOFILE=1048576)"
      ],
      uncertain: ["distributions patch these units; the node decides"]
    }
  },
  { item: "nproc", label: "max user processes", flag: "u", resource: "RLIMIT_NPROC", unit: "count" },
  { item: "core", label: "core file size", flag: "c", resource: "RLIMIT_CORE", unit: "KiB" },
  { item: "stack", label: "stack size", flag: "s", resource: "RLIMIT_STACK", unit: "KiB" },
  { item: "data", label: "data seg size", flag: "d", resource: "RLIMIT_DATA", unit: "KiB" },
  { item: "fsize", label: "file size", flag: "f", resource: "RLIMIT_FSIZE", unit: "KiB" },
  { item: "as", label: "virtual memory", flag: "v", resource: "RLIMIT_AS", unit: "KiB" },
  { item: "rss", label: "max memory size", flag: "m", resource: "RLIMIT_RSS", unit: "KiB" },
  { item: "cpu", label: "cpu time", flag: "t", resource: "RLIMIT_CPU", unit: "count" },
  { item: "locks", label: "file locks", flag: "x", resource: "RLIMIT_LOCKS", unit: "count" },
  { item: "sigpending", label: "pending signals", flag: "i", resource: "RLIMIT_SIGPENDING", unit: "count" },
  { item: "msgqueue", label: "POSIX message queues", flag: "q", resource: "RLIMIT_MSGQUEUE", unit: "count" },
  { item: "rtprio", label: "real-time priority", flag: "r", resource: "RLIMIT_RTPRIO", unit: "count" }
];
var RLIMIT_BY_ITEM = new Map(RLIMITS.map((r) => [r.item, r]));
var RLIMIT_BY_FLAG = new Map(RLIMITS.map((r) => [r.flag, r]));
function classifyRaise(facts, value) {
  const hard = facts.containerHard;
  if (!hard) return "unknown";
  if (value === "unlimited") return facts.item === "memlock" ? "above" : "maybe";
  if (value > hard.high) return "above";
  if (value > hard.low) return "maybe";
  return "within";
}
var NO_ULIMIT_FIELD = {
  text: "Kubernetes has no field for a container\u2019s resource limits (ulimits); they come from the node\u2019s container runtime",
  citations: ["kubernetes/kubernetes#3595", "kubernetes/enhancements PR #5762 (KEP-5758, not yet an API)"]
};
var DEBIAN_PAM_FILES = "Debian 12 /etc/pam.d/su and /etc/pam.d/runuser: `session required pam_limits.so` (inspected)";
var SESSION_OPENERS = {
  su: {
    command: "su",
    services: ["su", "su-l"],
    failure: "su: cannot open session: Permission denied",
    citations: ["util-linux@v2.38:login-utils/su-common.c (pam_open_session)", DEBIAN_PAM_FILES],
    uncertain: ["BusyBox su (Alpine) is built without PAM and runs no session modules"]
  },
  runuser: {
    command: "runuser",
    services: ["runuser", "runuser-l"],
    failure: "runuser: cannot open session: Permission denied",
    citations: [
      "util-linux@v2.38:login-utils/su-common.c (runuser shares su\u2019s code, without authentication)",
      DEBIAN_PAM_FILES
    ]
  },
  sudo: {
    command: "sudo",
    services: ["sudo"],
    failure: "sudo: pam_open_session: Permission denied",
    citations: ["sudo-project/sudo:plugins/sudoers/auth/pam.c (sudo_pam_begin_session)"],
    uncertain: ["whether /etc/pam.d/sudo runs pam_limits depends on the image"]
  },
  login: {
    command: "login",
    services: ["login"],
    failure: "login: cannot open session: Permission denied",
    citations: ["util-linux@v2.38:login-utils/login.c (pam_open_session)"],
    uncertain: ["whether /etc/pam.d/login runs pam_limits depends on the image"]
  }
};
var PAM_LIMITS = {
  upstream: {
    text: 'upstream Linux-PAM\u2019s pam_limits refuses the session when setrlimit fails, so the command exits with "cannot open session: Permission denied"',
    citations: ["linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c (setup_limits, pam_sm_open_session)"]
  },
  debian: {
    text: "Debian\u2019s patched pam_limits only logs the failure (at debug level) and opens the session with the limit unchanged",
    citations: ["Debian pam 1.5.2-6+deb12u1: debian/patches 032_pam_limits_EPERM_NOT_FATAL"],
    uncertain: ["Ubuntu imports Debian\u2019s PAM packaging and probably behaves the same; not measured"]
  },
  /** A `soft` value above the hard limit is clamped to it and does not fail. */
  softClamped: "a soft-only value above the hard limit is lowered to the hard limit and does not fail",
  measured: [
    "Debian 12 container without SYS_RESOURCE, `* soft memlock unlimited` + `* hard memlock unlimited`, `runuser -u elasticsearch`: upstream pam_limits (Linux-PAM 1.5.2) \u2192 `runuser: cannot open session: Permission denied`, exit 1; Debian\u2019s \u2192 session opens, memlock stays 8192 KiB",
    "the same with `su -l`, `su` and `runuser -l`; a soft-only `unlimited`, or a hard value not above the current one, passed"
  ],
  citations: [
    "linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c",
    "Debian pam 1.5.2-6+deb12u1: debian/patches 032_pam_limits_EPERM_NOT_FATAL",
    "man7.org: limits.conf(5)"
  ]
};
var LIMITS_FILES = {
  main: "/etc/security/limits.conf",
  dir: "/etc/security/limits.d/",
  /** Only files ending in `.conf` in limits.d are read. */
  dirSuffix: ".conf",
  citations: ["man7.org: limits.conf(5)", "man7.org: pam_limits(8)"]
};
var ULIMIT_FACTS = {
  bothByDefault: "without -S or -H, `ulimit` sets both the soft and the hard limit",
  /** `{label}`: the resource as bash names it. */
  failure: {
    bash: "ulimit: {label}: cannot modify limit: Operation not permitted",
    dash: "ulimit: error setting limit (Operation not permitted)"
  },
  citations: [
    'bminor/bash@bash-5.2:builtins/ulimit.def ("cannot modify limit")',
    'dash: src/miscbltin.c ulimitcmd ("error setting limit")',
    'GNU Bash manual: ulimit builtin ("If neither -H nor -S is specified, both the soft and hard limits are set")',
    "man7.org: dash(1) ulimit"
  ]
};
var MLOCK = {
  rule: "mlockall(2) locks no more than RLIMIT_MEMLOCK allows unless the process has CAP_IPC_LOCK in its effective set",
  citations: ["man7.org: mlock(2) (EPERM, ENOMEM; CAP_IPC_LOCK)", "man7.org: getrlimit(2) RLIMIT_MEMLOCK"],
  measured: [
    "mlockall(MCL_CURRENT) of a 33 MB process with memlock 8 MiB: ENOMEM for root without IPC_LOCK and for uid 65534; OK for root with IPC_LOCK and for uid 65534 with ambient IPC_LOCK",
    "`docker run --user 65534 --cap-add IPC_LOCK`: CapEff 0, mlockall of 33 MB \u2192 ENOMEM (Docker 20.10.24)"
  ]
};
var ELASTICSEARCH = {
  setting: "bootstrap.memory_lock",
  /** Elasticsearch 1.x to 2.x. */
  legacySetting: "bootstrap.mlockall",
  /** Environment form of a setting in the official image from 8.x on. */
  envSetting: "ES_SETTING_BOOTSTRAP_MEMORY__LOCK",
  checkFailure: "memory locking requested for elasticsearch process but memory is not locked",
  refusesRoot: 'Elasticsearch refuses to run as root ("can not run elasticsearch as root"), so IPC_LOCK never reaches it',
  bootstrapChecks: "bootstrap checks stop the node when it binds a non-loopback address (network.host, as the official image sets), unless discovery.type is single-node",
  alternative: "leave bootstrap.memory_lock off: the kubelet refuses to run with swap on by default, and ECK does not set it; Elastic\u2019s chart maintainers recommend disabling swap instead",
  citations: [
    "https://www.elastic.co/guide/en/elasticsearch/reference/7.17/setup-configuration-memory.html",
    "https://www.elastic.co/guide/en/elasticsearch/reference/7.17/bootstrap-checks.html",
    "https://www.elastic.co/guide/en/elasticsearch/reference/7.17/docker.html (--ulimit memlock=-1:-1)",
    "elastic/cloud-on-k8s#2149 (ECK leaves memory_lock off: the kubelet runs without swap)",
    "elastic/helm-charts#7 (maintainers: disable swap rather than lock memory)",
    "elastic/elasticsearch#75609"
  ]
};
var VAULT = {
  setting: "disable_mlock",
  defaultLocks: "Vault locks its memory with mlock unless disable_mlock is true",
  failure: "Error initializing core: Failed to lock memory: cannot allocate memory \u2026 Please enable mlock on your system or disable Vault from using it",
  fileCapability: "the official image\u2019s entrypoint gives the vault binary the IPC_LOCK file capability (setcap) unless SKIP_SETCAP is set, then runs it as the vault user",
  citations: [
    "https://developer.hashicorp.com/vault/docs/configuration#disable_mlock",
    "hashicorp/docker-vault:0.X/docker-entrypoint.sh (setcap cap_ipc_lock=+ep, su-exec vault)"
  ],
  uncertain: ["Vault\u2019s configuration may come from files the manifest does not show; mlock is assumed on"]
};
var NON_ROOT = {
  short: "Kubernetes sets no ambient capabilities",
  noAmbient: "Kubernetes sets no ambient capabilities and today\u2019s runtimes empty the ambient set, so a process that is not uid 0 starts with empty effective and permitted sets: capabilities.add only widens its bounding set",
  /** The exceptions: old runtimes that filled the ambient set themselves. */
  runtimeAmbient: "CRI-O 1.0\u20131.9.11 and 1.10.0 (the added and the default capabilities) and containerd 1.1.0 (the added ones) also put capabilities in the ambient set, so there a process that is not uid 0 holds them",
  fileCaps: "only file capabilities on the executed binary (setcap) can bring a capability back, up to the bounding set; the manifest cannot show them",
  /** `+ei` file capabilities need the process's inheritable set; `+ep` works everywhere. */
  inheritable: "a file capability must be in the file\u2019s permitted set (setcap \u2026+ep); `+ei` works only where the runtime also fills the inheritable set: Docker up to 20.10.13 and containerd before 1.5.11 and 1.6.2 (CVE-2022-24769); CRI-O dropped it in 1.24 and later made it a setting (add_inheritable_capabilities)",
  noNewPrivs: "allowPrivilegeEscalation: false sets no_new_privs: an execve may then grant no capability the process did not already hold, so file capabilities work only on the container\u2019s first executable, and only where the runtime puts the added capabilities in that process\u2019s permitted set (containerd and CRI-O do; Docker 18.04\u201323.0.6 and 24.0.0\u201324.0.5 write only the bounding set for a non-root user, Docker up to 18.03 and from 23.0.7, 24.0.6 and 25.0 all three sets)",
  userSwitch: "switching from root to another user (su, runuser, gosu, su-exec, setpriv, chroot --userspec) clears the effective, permitted and ambient sets unless the tool passes ambient capabilities (setpriv --ambient-caps)",
  scriptsIgnoreFileCaps: "file capabilities on a script are ignored: the kernel runs its interpreter, which has none",
  citations: [
    "man7.org: capabilities(7) (transformation of capabilities during execve; file capabilities; ambient set)",
    "man7.org: prctl(2) PR_SET_NO_NEW_PRIVS",
    "torvalds/linux@v6.6:security/commoncap.c cap_bprm_creds_from_file",
    "kubernetes/enhancements:keps/sig-security/2763-ambient-capabilities (provisional, not implemented)",
    "kubernetes/kubernetes#56374",
    "kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context.go convertToRuntimeCapabilities (add and drop only)",
    "containerd/containerd:pkg/oci/spec_opts.go WithAddedCapabilities (bounding, effective, permitted)",
    "containerd/cri commit 73d3ea18 (ambient set emptied; first in containerd 1.1.1)",
    "cri-o/cri-o commit 18b8d90299 (ambient set emptied in 1.11.0; backported to 1.10.1 and 1.9.12)",
    "cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability (also Ambient)",
    "moby/moby commit 15ff09395c (PR #36587, first in v18.04.0-ce): non-root gets the bounding set only",
    "moby/moby commit 3aef732e61 (PR #45511, first in v25.0.0; PR #46222 in v23.0.7, PR #46221 in v24.0.6): effective and permitted restored",
    "moby/moby@v20.10.14:oci/oci.go SetCapabilities (inheritable no longer set, CVE-2022-24769)",
    "containerd/containerd@v1.5.11:oci/spec.go, @v1.6.2:oci/spec.go (inheritable no longer set)",
    "cri-o/cri-o commit 3e9d772571 (inheritable dropped, first in v1.24.0); commit 9070d982df (add_inheritable_capabilities, first in v1.26.0)",
    "kubernetes/ingress-nginx#7445 (file capability ignored behind dumb-init with no_new_privs)",
    "dunglas/mercure PR #1230"
  ],
  uncertain: [
    "CRI-O\u2019s inheritable set in the 1.22 and 1.23 patch releases (dropped, then restored) was not traced release by release"
  ]
};
var RUN_AS_NON_ROOT = {
  text: "with runAsNonRoot: true the kubelet starts the container only if its user is not 0",
  citations: ["kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot"]
};
var CAPABILITIES_MAN = "man7.org: capabilities(7)";
var COMMAND_NEEDS = [
  {
    programs: ["ping", "ping6"],
    capability: "NET_RAW",
    why: "ping opens a raw ICMP socket",
    alternative: "the net.ipv4.ping_group_range sysctl lets it use an ICMP datagram socket instead (safe since Kubernetes 1.18; Docker 20.10+ and containerd 2.0+ set it for pods)",
    soft: true,
    citations: [
      CAPABILITIES_MAN,
      "man7.org: icmp(7) ping_group_range",
      "moby/moby PR #41030",
      "containerd/containerd PR #9348"
    ]
  },
  {
    programs: [
      "iptables",
      "ip6tables",
      "iptables-restore",
      "ip6tables-restore",
      "iptables-save",
      "ip6tables-save",
      "iptables-legacy",
      "iptables-nft",
      "nft",
      "ebtables",
      "arptables",
      "ipset"
    ],
    capability: "NET_ADMIN",
    why: "reading or changing netfilter rules needs it",
    citations: [CAPABILITIES_MAN, `netfilter: iptables(8) ("can't initialize iptables table: Permission denied")`]
  },
  {
    programs: ["ip"],
    changing: {
      position: "second",
      words: ["add", "del", "delete", "set", "change", "replace", "flush", "append", "prepend"]
    },
    capability: "NET_ADMIN",
    why: "changing links, addresses, routes or rules needs it",
    citations: [CAPABILITIES_MAN, "man7.org: ip(8)"]
  },
  {
    programs: ["tc"],
    changing: { position: "second", words: ["add", "del", "delete", "change", "replace", "link"] },
    capability: "NET_ADMIN",
    why: "changing traffic control needs it",
    citations: [CAPABILITIES_MAN, "man7.org: tc(8)"]
  },
  {
    programs: ["chown", "chgrp"],
    capability: "CHOWN",
    why: "changing the owner of a file needs it",
    citations: ["man7.org: chown(2) (EPERM without CAP_CHOWN)", CAPABILITIES_MAN]
  },
  {
    programs: ["chroot"],
    capability: "SYS_CHROOT",
    why: "chroot(2) needs it",
    citations: [
      "man7.org: chroot(2)",
      "cri-o/cri-o commit 63b9f4ec98 (SYS_CHROOT left the defaults in 1.18)",
      "elastic/cloud-on-k8s#4334 (chroot: cannot change root directory to '/': Operation not permitted)"
    ]
  },
  {
    programs: ["nice"],
    raises: "nice",
    capability: "SYS_NICE",
    why: "a negative adjustment raises the priority, which needs it (containers start with RLIMIT_NICE at 0)",
    consequence: "GNU nice prints `nice: cannot set niceness: Permission denied` and runs the command at normal priority",
    soft: true,
    citations: [
      "man7.org: setpriority(2) (lowering a nice value needs CAP_SYS_NICE or RLIMIT_NICE)",
      "man7.org: nice(1)",
      "coreutils: src/nice.c (a permission error only warns; the command still runs)"
    ]
  },
  {
    programs: ["renice"],
    raises: "renice",
    capability: "SYS_NICE",
    why: "a negative priority raises it, which needs it",
    citations: [
      "man7.org: setpriority(2) (lowering a nice value needs CAP_SYS_NICE or RLIMIT_NICE)",
      "man7.org: renice(1)"
    ]
  },
  {
    programs: ["chrt"],
    raises: "chrt",
    capability: "SYS_NICE",
    why: "a real-time policy (SCHED_FIFO, SCHED_RR) needs it unless RLIMIT_RTPRIO allows the priority, which containers start at 0",
    citations: [
      "man7.org: sched_setscheduler(2) (EPERM)",
      "man7.org: sched(7) (privileges and resource limits)",
      "man7.org: chrt(1)"
    ]
  },
  {
    programs: ["ionice"],
    raises: "ionice",
    capability: "SYS_NICE",
    why: "the real-time I/O class needs it (or SYS_ADMIN)",
    citations: [
      "man7.org: ioprio_set(2)",
      "torvalds/linux:block/ioprio.c ioprio_check_cap (IOPRIO_CLASS_RT: CAP_SYS_ADMIN or CAP_SYS_NICE; commit 94c4b4fd25e6)",
      "man7.org: ionice(1)"
    ]
  },
  {
    programs: ["chronyd"],
    raises: "chronyd",
    capability: "SYS_NICE",
    why: "-P selects the SCHED_FIFO real-time policy, which needs it",
    consequence: "chronyd logs that it could not set the scheduler and keeps running at normal priority",
    soft: true,
    citations: [
      "chrony: doc/chronyd.adoc (-P priority: SCHED_FIFO on Linux)",
      "man7.org: sched_setscheduler(2) (EPERM)"
    ],
    uncertain: ["that chronyd keeps running after the failure is read from its documentation, not measured"]
  },
  {
    programs: ["mount"],
    capability: "SYS_ADMIN",
    why: "mount(2) needs it",
    notEnough: "the runtime\u2019s default seccomp and AppArmor profiles may still refuse mount(2); that usually means privileged or an unconfined profile",
    citations: ["man7.org: mount(2)", "moby/moby:profiles/seccomp/default.json (mount gated on CAP_SYS_ADMIN)"]
  }
];
var SWITCH_NEEDS = {
  capabilities: ["SETUID", "SETGID"],
  why: "switching to another user calls setgroups, setgid and setuid",
  failure: 'gosu then fails with `failed switching to "<user>": operation not permitted`, su-exec with `setgroups: Operation not permitted`, su and runuser with `cannot set groups: Operation not permitted`',
  citations: [
    "man7.org: setuid(2)",
    "man7.org: setgid(2)",
    "man7.org: setgroups(2)",
    "man7.org: capabilities(7)",
    'tianon/gosu:setup-user.go, main.go ("failed switching to")',
    "ncopa/su-exec:su-exec.c (setgroups)",
    'util-linux@v2.38:login-utils/su-common.c ("cannot set groups")'
  ],
  uncertain: ["the failure texts are read from the tools\u2019 sources, not measured"]
};
var LOW_PORT = {
  capability: "NET_BIND_SERVICE",
  limit: 1024,
  sysctl: "net.ipv4.ip_unprivileged_port_start",
  text: "binding a port below 1024 needs NET_BIND_SERVICE unless net.ipv4.ip_unprivileged_port_start is at or below the port",
  citations: [
    "man7.org: capabilities(7) CAP_NET_BIND_SERVICE",
    "kernel.org: Documentation/networking/ip-sysctl.rst ip_unprivileged_port_start",
    "kubernetes/kubernetes#102612"
  ],
  uncertain: ["containerPort is informational: the process may listen elsewhere"]
};
var PRIVILEGED = {
  grants: "every capability, access to all host devices, a writable /proc/sys and /sys, and no seccomp or AppArmor confinement",
  citations: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/ (Privileged Pods disable most security mechanisms)",
    "moby/moby@v20.10.0:daemon/oci_linux.go WithDevices, WithCapabilities (privileged)",
    "containerd/containerd@v1.6.0:pkg/cri/server/container_create_linux.go (WithPrivileged, WithHostDevices)"
  ]
};

// src/knowledge/sysctls.ts
var NAMESPACED_EXACT = { "kernel.sem": "ipc" };
var NAMESPACED_PREFIX = [
  ["kernel.shm", "ipc"],
  ["kernel.msg", "ipc"],
  ["fs.mqueue.", "ipc"],
  ["net.", "net"]
];
var NAMESPACE_FACTS = {
  citations: [
    "kubernetes/kubernetes@00d7068d939c4fbc40da44209908e0832792dcee:pkg/kubelet/sysctl/namespace.go NamespacedBy",
    "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"
  ],
  /** The kubelet counts every `net.*` key as namespaced; the kernel does not namespace all of them. */
  uncertain: [
    "the kubelet treats every net.* key as namespaced; a few (for example net.core.rmem_max) are node-wide in the kernel, and which ones depends on the kernel version"
  ]
};
function normalizeSysctl(key) {
  return key.trim().replace(/\//g, ".");
}
function sysctlNamespace(key) {
  const name = normalizeSysctl(key);
  const exact = NAMESPACED_EXACT[name];
  if (exact) return exact;
  return NAMESPACED_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
}
var KUBELET_SAFE = "kubernetes/kubernetes@0167a9f833cbdfbcfaaa1f67b298b0c2fc3b0a6e:pkg/kubelet/sysctl/safe_sysctls.go";
var PSA_SYSCTLS = "kubernetes/pod-security-admission:policy/check_sysctls.go (sysctlsAllowedV1Dot0 \u2026 V1Dot32)";
var KERNEL_REQUIREMENTS = "https://kubernetes.io/docs/reference/node/kernel-version-requirements/";
var SAFE_SYSCTLS = [
  { name: "kernel.shm_rmid_forced", since: "1.4", citations: [KUBELET_SAFE, PSA_SYSCTLS] },
  { name: "net.ipv4.ip_local_port_range", since: "1.4", citations: [KUBELET_SAFE, PSA_SYSCTLS] },
  {
    name: "net.ipv4.tcp_syncookies",
    since: "1.4",
    kernel: "4.6",
    citations: [KUBELET_SAFE, PSA_SYSCTLS, KERNEL_REQUIREMENTS]
  },
  {
    name: "net.ipv4.ping_group_range",
    since: "1.18",
    citations: [KUBELET_SAFE, PSA_SYSCTLS, "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"]
  },
  {
    name: "net.ipv4.ip_unprivileged_port_start",
    since: "1.22",
    kernel: "4.11",
    citations: [KUBELET_SAFE, PSA_SYSCTLS, "kubernetes/kubernetes PR #103326", "kubernetes/kubernetes#103298"]
  },
  {
    name: "net.ipv4.ip_local_reserved_ports",
    since: "1.27",
    kernel: "3.16",
    citations: [KUBELET_SAFE, PSA_SYSCTLS, "kubernetes/kubernetes PR #115374", KERNEL_REQUIREMENTS]
  },
  { name: "net.ipv4.tcp_keepalive_time", since: "1.29", kernel: "4.5", citations: [KUBELET_SAFE, KERNEL_REQUIREMENTS] },
  { name: "net.ipv4.tcp_fin_timeout", since: "1.29", kernel: "4.6", citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  { name: "net.ipv4.tcp_keepalive_intvl", since: "1.29", kernel: "4.5", citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  {
    name: "net.ipv4.tcp_keepalive_probes",
    since: "1.29",
    kernel: "4.5",
    citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS]
  },
  { name: "net.ipv4.tcp_rmem", since: "1.32", kernel: "4.15", citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  { name: "net.ipv4.tcp_wmem", since: "1.32", kernel: "4.15", citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] }
];
function safeSysctl(key) {
  const name = normalizeSysctl(key);
  return SAFE_SYSCTLS.find((s) => s.name === name);
}
function isSafeOn(safe, kubernetes) {
  return kubernetes === void 0 || compareVersions(kubernetes, must(safe.since)) >= 0;
}
var POD_SYSCTLS_FACTS = {
  field: "spec.securityContext.sysctls",
  /** Beta (on by default) in 1.11, GA in 1.21; before 1.11 only the alpha annotation existed. */
  fieldSince: "1.11",
  slashSeparatorSince: "1.23",
  unsafeOptIn: "kubelet --allowed-unsafe-sysctls",
  /** Status of a pod whose sysctl the kubelet does not allow. */
  rejection: 'SysctlForbidden: forbidden sysctl: "<key>" not allowlisted',
  hostNamespaces: "net.* keys are refused for hostNetwork pods, and ipc ones for hostIPC pods",
  citations: [
    "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/",
    "kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go PodSecurityContext.Sysctls",
    "kubernetes/kubernetes PR #115374 (host network refusal quoted)"
  ]
};
var PROC_SYS_FACTS = {
  readOnly: 'container runtimes mount /proc/sys read-only in a container that is not privileged (OCI readonlyPaths), so `sysctl -w` fails with "Read-only file system"',
  citations: [
    "moby/moby@v20.10.0:oci/defaults.go ReadonlyPaths",
    "containerd/containerd@v1.6.0:pkg/cri/opts/spec_linux.go (readonly paths)",
    "opencontainers/runtime-spec@v1.0.2:config-linux.md readonlyPaths"
  ],
  /** The Elasticsearch charts' answer to vm.max_map_count, which no pod field can set. */
  initContainerPattern: "a privileged init container that runs `sysctl -w` as root (the pattern of the Elasticsearch Helm chart and ECK docs), or a node-level setting (a DaemonSet or the node image)",
  patternCitations: [
    "elastic/helm-charts:elasticsearch/templates/statefulset.yaml (init container configure-sysctl, privileged, runAsUser 0)",
    "https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-virtual-memory.html"
  ]
};
var UNPRIVILEGED_NET_DEFAULTS = [
  {
    engine: "docker",
    since: "20.10",
    ports: true,
    icmp: true,
    detail: 'Docker 20.10+ sets net.ipv4.ip_unprivileged_port_start=0 and net.ipv4.ping_group_range="0 2147483647" in containers with their own network namespace',
    citations: ["moby/moby PR #41030 (commit 888da28d42)"],
    uncertain: ["behind Kubernetes (dockershim, cri-dockerd) this applies through the pod sandbox; not measured"]
  },
  {
    engine: "containerd",
    since: "2.0",
    ports: true,
    icmp: true,
    detail: "containerd 2.0+ enables enable_unprivileged_ports and enable_unprivileged_icmp by default for pods that do not use the host network (options since 1.6, off by default there)",
    citations: ["containerd/containerd PR #9348", "containerd/containerd PR #6170", "containerd/containerd PR #11502"]
  }
];

// src/model/shell.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "while",
  "until",
  "esac",
  "!",
  "{",
  "}",
  "function"
]);
var HEADERS = /* @__PURE__ */ new Set(["for", "case", "select"]);
var OPERATORS = [
  "&&",
  "||",
  ";;",
  "|&",
  ">>",
  "<<-",
  "<<",
  "&>>",
  "&>",
  ">&",
  "<&",
  ">|",
  "<>",
  ";",
  "&",
  "|",
  "<",
  ">",
  "(",
  ")"
];
function isSpace(c) {
  return c === " " || c === "	" || c === "\r";
}
function skipNested(text, i) {
  const open = text[i];
  if (open === "`") {
    let j2 = i + 1;
    while (j2 < text.length && text[j2] !== "`") j2 += text[j2] === "\\" ? 2 : 1;
    return Math.min(j2 + 1, text.length);
  }
  const close = open === "(" ? ")" : "}";
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", j + 1);
      j = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return text.length;
}
function tokenize(text) {
  const tokens = [];
  const heredocs = /* @__PURE__ */ new Map();
  const pending = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && text[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === "\n") {
      tokens.push({ kind: "op", value: "\n", start: i, end: i + 1 });
      i++;
      while (pending.length > 0) {
        const doc = pending.shift();
        const lines = [];
        while (i < text.length) {
          const next = text.indexOf("\n", i);
          const lineEnd = next < 0 ? text.length : next;
          const line = text.slice(i, lineEnd);
          i = next < 0 ? text.length : next + 1;
          const candidate = doc.strip ? line.replace(/^\t+/, "") : line;
          if (candidate.trimEnd() === doc.delimiter) break;
          lines.push(candidate);
        }
        heredocs.set(doc.token, lines.join("\n"));
      }
      continue;
    }
    if (c === "#") {
      const next = text.indexOf("\n", i);
      i = next < 0 ? text.length : next;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", value: op, start: i, end: i + op.length });
      i += op.length;
      if (op === "<<" || op === "<<-") {
        let j = i;
        while (j < text.length && isSpace(text[j])) j++;
        const word2 = readWord(text, j);
        tokens.push({ kind: "word", value: word2.value, start: j, end: word2.end, quoted: word2.quoted });
        pending.push({ token: tokens.length - 1, delimiter: word2.value, strip: op === "<<-" });
        i = word2.end;
      }
      continue;
    }
    const word = readWord(text, i);
    if (word.end === i) {
      i++;
      continue;
    }
    tokens.push({ kind: "word", value: word.value, start: i, end: word.end, quoted: word.quoted });
    i = word.end;
  }
  return { tokens, heredocs };
}
function readWord(text, i) {
  let value = "";
  let quoted = false;
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (isSpace(c) || c === "\n") break;
    if (OPERATORS.some((o) => text.startsWith(o, j))) break;
    if (c === "\\") {
      value += text[j + 1] ?? "";
      j += 2;
      continue;
    }
    if (c === "'") {
      quoted = true;
      const end = text.indexOf("'", j + 1);
      const stop = end < 0 ? text.length : end;
      value += text.slice(j + 1, stop);
      j = stop + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      j++;
      while (j < text.length && text[j] !== '"') {
        const d = text[j];
        if (d === "\\" && '"\\$`\n'.includes(text[j + 1] ?? "")) {
          if (text[j + 1] !== "\n") value += text[j + 1];
          j += 2;
          continue;
        }
        if (d === "$" && (text[j + 1] === "(" || text[j + 1] === "{")) {
          const end = skipNested(text, j + 1);
          value += text.slice(j, end);
          j = end;
          continue;
        }
        if (d === "`") {
          const end = skipNested(text, j);
          value += text.slice(j, end);
          j = end;
          continue;
        }
        value += d;
        j++;
      }
      j++;
      continue;
    }
    if (c === "$" && (text[j + 1] === "(" || text[j + 1] === "{")) {
      const end = skipNested(text, j + 1);
      value += text.slice(j, end);
      j = end;
      continue;
    }
    if (c === "`") {
      const end = skipNested(text, j);
      value += text.slice(j, end);
      j = end;
      continue;
    }
    value += c;
    j++;
  }
  return { value, end: Math.min(j, text.length), quoted };
}
var SEPARATORS = /* @__PURE__ */ new Set(["\n", ";", "&", "&&", "||", "|", "|&", ";;", "(", ")"]);
var REDIRECTS = /* @__PURE__ */ new Set([">", ">>", "<", "<<", "<<-", "&>", "&>>", ">&", "<&", ">|", "<>"]);
function lineOf(text, offset) {
  let line = 0;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
function parseScript(script) {
  const { tokens, heredocs } = tokenize(script);
  const out = [];
  let current = [];
  const flush = () => {
    if (current.length > 0) {
      const command = build(script, current, tokens, heredocs);
      if (command) out.push(command);
    }
    current = [];
  };
  tokens.forEach((token, i) => {
    if (token.value === "(" && tokens[i + 1]?.value === ")" && current.length === 1 && current[0]?.kind === "word") {
      current = [];
      return;
    }
    if (token.kind === "op" && SEPARATORS.has(token.value)) flush();
    else current.push(token);
  });
  flush();
  return out;
}
function build(script, tokens, all, heredocs) {
  const words = [];
  const assignments = [];
  const redirects = [];
  let heredoc;
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind === "op" && REDIRECTS.has(token.value)) {
      const target = tokens[k + 1];
      const last = words[words.length - 1];
      const prev = tokens[k - 1];
      let op = token.value;
      if (last !== void 0 && /^\d+$/.test(last) && prev && prev.end === token.start) {
        words.pop();
        op = `${last}${op}`;
      }
      if (target && target.kind === "word") {
        redirects.push({ op, target: target.value });
        if (token.value === "<<" || token.value === "<<-") heredoc = heredocs.get(all.indexOf(target));
        k++;
      }
      continue;
    }
    if (token.kind !== "word") continue;
    if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(token.value) && !token.quoted) {
      assignments.push(token.value);
      continue;
    }
    if (words.length === 0 && assignments.length === 0 && KEYWORDS.has(token.value)) {
      from = k + 1;
      continue;
    }
    words.push(token.value);
  }
  const first = words[0];
  if (first !== void 0 && HEADERS.has(first)) return void 0;
  if (first !== void 0 && /^[A-Za-z_][\w-]*\(\)$/.test(first)) return void 0;
  if (words.length === 0 && assignments.length === 0 && redirects.length === 0) return void 0;
  const start = (tokens[from] ?? tokens[0]).start;
  const end = tokens[tokens.length - 1].end;
  const raw = script.slice(start, end);
  const text = raw.split("\n")[0]?.trim() ?? raw.trim();
  const command = { words, assignments, redirects, text, line: lineOf(script, start), start, end };
  if (heredoc !== void 0) command.heredoc = heredoc;
  return command;
}
function programName(word) {
  if (word === void 0) return "";
  const slash = word.lastIndexOf("/");
  return slash >= 0 ? word.slice(slash + 1) : word;
}

// src/model/command.ts
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);
var ROOT_NAMES = /* @__PURE__ */ new Set(["root", "0"]);
function numberOr(value) {
  return typeof value === "number" && Number.isInteger(value) ? value : void 0;
}
function initialUser(container) {
  const own = container.securityContext;
  const podContext = container.podSpec.value.securityContext;
  const pod = isMapping(podContext) ? podContext : void 0;
  const at = (level, key) => [
    ...level === "container" ? container.path : container.podSpec.path,
    "securityContext",
    key
  ];
  const sources = [
    [own, "container"],
    [pod, "pod"]
  ];
  for (const [context, level] of sources) {
    const uid = numberOr(context?.runAsUser);
    if (uid !== void 0) {
      return {
        kind: uid === 0 ? "root" : "non-root",
        uid,
        source: `runAsUser: ${uid} (${level})`,
        path: at(level, "runAsUser")
      };
    }
  }
  for (const [context, level] of sources) {
    if (context?.runAsNonRoot === true) {
      return { kind: "non-root", source: `runAsNonRoot: true (${level})`, path: at(level, "runAsNonRoot") };
    }
  }
  return { kind: "unknown", source: "the image\u2019s USER, which the manifest does not show" };
}
function userFromSpec(spec2, source) {
  const name = spec2.split(":")[0] ?? spec2;
  if (ROOT_NAMES.has(name)) return { kind: "root", uid: 0, source };
  if (/^\d+$/.test(name)) return { kind: "non-root", uid: Number(name), source };
  if (name === "" || name.includes("$")) return { kind: "unknown", source: `${source} (a variable)` };
  return { kind: "non-root", name, source };
}
function readCommand(container) {
  const value = container.value;
  const command = Array.isArray(value.command) ? value.command : void 0;
  const args = Array.isArray(value.args) ? value.args : void 0;
  const words = [];
  command?.forEach((w, index) => {
    if (typeof w === "string") words.push({ value: w, origin: { field: "command", index } });
  });
  args?.forEach((w, index) => {
    if (typeof w === "string") words.push({ value: w, origin: { field: "args", index } });
  });
  const user = initialUser(container);
  const model = { user, steps: [], imageEntrypoint: command === void 0, firstIsShell: false };
  if (words.length === 0) return model;
  if (command === void 0 && words[0]?.value.startsWith("-")) return model;
  const context = {
    user,
    steps: model.steps,
    viaImageEntrypoint: command === void 0,
    throughShell: false,
    depth: 0,
    ambient: []
  };
  runWords(words, context, command !== void 0);
  const first = model.steps.find((s) => s.first);
  model.firstIsShell = first !== void 0 && (SHELLS.has(first.program) || first.program.endsWith(".sh"));
  return model;
}
function textOf(words) {
  return words.map((w) => /[\s"'$`\\|&;<>()]/.test(w.value) || w.value === "" ? JSON.stringify(w.value) : w.value).join(" ");
}
function runWords(words, context, first, text, extra) {
  if (context.depth > 8 || words.length === 0) return;
  const wrappers = [];
  let rest = unwrap(words, wrappers);
  if (rest.length === 0) return;
  if (programName(rest[0]?.value) === "busybox" && rest.length > 1) rest = rest.slice(1);
  const head = rest[0];
  const program = programName(head.value);
  const step = {
    argv: rest.map((w) => w.value),
    program,
    text: text ?? textOf(rest),
    origin: head.origin,
    user: context.user,
    redirects: extra?.redirects ?? [],
    first,
    viaImageEntrypoint: context.viaImageEntrypoint,
    throughShell: context.throughShell,
    ambient: context.ambient
  };
  if (extra?.heredoc !== void 0) step.heredoc = extra.heredoc;
  if (extra?.origin) step.origin = extra.origin;
  if (wrappers.length > 0) step.wrappers = wrappers;
  if (context.startedBy) step.startedBy = context.startedBy;
  context.steps.push(step);
  if (SHELLS.has(program)) {
    const script = shellScript(rest.slice(1));
    if (script) runScript(script, { ...context, depth: context.depth + 1, throughShell: true });
    return;
  }
  const switched = readSwitch(program, rest.slice(1));
  if (switched) {
    step.switch = switched.switch;
    const next = {
      user: switched.switch.user,
      steps: context.steps,
      startedBy: step,
      viaImageEntrypoint: context.viaImageEntrypoint,
      throughShell: context.throughShell || switched.script !== void 0,
      depth: context.depth + 1,
      ambient: switched.switch.ambient
    };
    if (switched.script) runScript(switched.script, next);
    else if (switched.argv.length > 0) runWords(switched.argv, next, false);
  }
}
function runScript(script, context) {
  for (const command of parseScript(script.value)) {
    if (command.words.length === 0) continue;
    const origin = { ...script.origin, line: (script.origin.line ?? 0) + command.line };
    const words = command.words.map((value) => ({ value, origin }));
    const extra = { redirects: command.redirects, origin };
    if (command.heredoc !== void 0) extra.heredoc = command.heredoc;
    runWords(words, context, false, command.text, extra);
  }
}
function unwrap(words, wrappers = []) {
  let rest = words;
  for (let guard = 0; guard < 16 && rest.length > 0; guard++) {
    const program = programName(rest[0]?.value);
    if (program === "exec" || program === "command" || program === "nohup" || program === "time" || program === "builtin") {
      rest = skipOptions(rest.slice(1), /* @__PURE__ */ new Set());
      continue;
    }
    if (program === "env") {
      let next = rest.slice(1);
      while (next.length > 0) {
        const w = next[0]?.value ?? "";
        if (w === "-i" || w === "-" || w === "--ignore-environment" || /^-[0iv]+$/.test(w)) next = next.slice(1);
        else if (w === "-u" || w === "--unset" || w === "-C" || w === "--chdir") next = next.slice(2);
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w.startsWith("--")) next = next.slice(1);
        else break;
      }
      rest = next;
      continue;
    }
    if (program === "nice" || program === "ionice" || program === "stdbuf" || program === "chrt" || program === "taskset") {
      if (program === "chrt" && rest.some((w) => w.value === "-p" || w.value === "--pid")) break;
      const before = rest;
      rest = skipOptions(rest.slice(1), /* @__PURE__ */ new Set(["-n", "-c", "-p", "-t", "-o", "-e", "-i"]));
      if (program === "chrt" || program === "taskset") rest = rest.slice(1);
      if (program !== "stdbuf" && program !== "taskset") {
        const head = before[0];
        wrappers.push({ argv: before.slice(0, before.length - rest.length).map((w) => w.value), origin: head.origin });
      }
      continue;
    }
    if (program === "timeout") {
      rest = skipOptions(rest.slice(1), /* @__PURE__ */ new Set(["-s", "--signal", "-k", "--kill-after"])).slice(1);
      continue;
    }
    if (program === "tini" || program === "dumb-init" || program === "catatonit" || program === "tini-static") {
      const next = rest.slice(1);
      const dashes = next.findIndex((w) => w.value === "--");
      rest = dashes >= 0 ? next.slice(dashes + 1) : skipOptions(next, /* @__PURE__ */ new Set(["-s", "-e", "-r", "-p", "-l"]));
      continue;
    }
    break;
  }
  return rest;
}
function skipOptions(words, withValue) {
  let i = 0;
  while (i < words.length) {
    const w = words[i]?.value ?? "";
    if (w === "--") return words.slice(i + 1);
    if (!w.startsWith("-") || w === "-") break;
    i += withValue.has(w) ? 2 : 1;
  }
  return words.slice(i);
}
function shellScript(args) {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]?.value ?? "";
    if (w === "-o" || w === "+o" || w === "-O" || w === "+O") {
      i++;
      continue;
    }
    if (w === "--") return void 0;
    if (/^-[A-Za-z]+$/.test(w) || /^\+[A-Za-z]+$/.test(w)) {
      if (w.startsWith("-") && w.includes("c")) return args[i + 1];
      continue;
    }
    if (w.startsWith("--")) continue;
    return void 0;
  }
  return void 0;
}
function readSwitch(program, args) {
  switch (program) {
    case "su":
      return readSu("su", args);
    case "runuser": {
      const u = optionValue(args, ["-u", "--user"]);
      if (u) {
        const after = u.rest;
        return {
          switch: switchTo("runuser", true, false, u.value, `runuser -u ${u.value}`),
          argv: after[0]?.value === "--" ? after.slice(1) : after
        };
      }
      return readSu("runuser", args);
    }
    case "gosu":
    case "su-exec":
    case "s6-setuidgid": {
      const [spec2, ...argv] = args;
      if (!spec2) return void 0;
      return { switch: switchTo(program, false, false, spec2.value, `${program} ${spec2.value}`), argv };
    }
    case "chpst": {
      const u = optionValue(args, ["-u"]);
      if (!u) return void 0;
      const argv = skipOptions(
        u.rest,
        /* @__PURE__ */ new Set(["-U", "-b", "-e", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c"])
      );
      return { switch: switchTo("chpst", false, false, u.value, `chpst -u ${u.value}`), argv };
    }
    case "chroot": {
      const u = optionValue(args, ["--userspec"]);
      if (!u) return void 0;
      const positional = skipOptions(u.rest, /* @__PURE__ */ new Set(["--groups"]));
      return {
        switch: switchTo("chroot", false, false, u.value, `chroot --userspec=${u.value}`),
        argv: positional.slice(1)
      };
    }
    case "setpriv":
      return readSetpriv(args);
    case "sudo": {
      let user = "root";
      let i = 0;
      const withValue = /* @__PURE__ */ new Set(["-u", "--user", "-g", "--group", "-C", "-p", "-r", "-t", "-U", "-h", "-D", "-T"]);
      while (i < args.length) {
        const w = args[i]?.value ?? "";
        if (w === "--") {
          i++;
          break;
        }
        if (!w.startsWith("-")) break;
        if (w === "-u" || w === "--user") user = args[i + 1]?.value ?? user;
        else if (w.startsWith("--user=")) user = w.slice("--user=".length);
        else if (/^-u.+/.test(w)) user = w.slice(2);
        i += withValue.has(w) ? 2 : 1;
      }
      return { switch: switchTo("sudo", true, false, user, `sudo -u ${user}`), argv: args.slice(i) };
    }
    case "login": {
      const f = optionValue(args, ["-f"]);
      if (!f) return void 0;
      return { switch: switchTo("login", true, true, f.value, `login -f ${f.value}`), argv: [] };
    }
    default:
      return void 0;
  }
}
function switchTo(tool, pam, login, spec2, source) {
  const user = userFromSpec(spec2, source);
  return { tool, pam: pam && tool in SESSION_OPENERS, login, user: { ...user, source }, ambient: [] };
}
function optionValue(args, names2) {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]?.value ?? "";
    if (w === "--") return void 0;
    for (const name of names2) {
      if (w === name) {
        const value = args[i + 1]?.value;
        return value === void 0 ? void 0 : { value, rest: args.slice(i + 2) };
      }
      if (name.startsWith("--") && w.startsWith(`${name}=`)) {
        return { value: w.slice(name.length + 1), rest: args.slice(i + 1) };
      }
      if (!name.startsWith("--") && w.startsWith(name) && w.length > name.length && !w.startsWith("--")) {
        return { value: w.slice(name.length), rest: args.slice(i + 1) };
      }
    }
  }
  return void 0;
}
function readSu(tool, args) {
  let user;
  let script;
  let login = false;
  const withValue = /* @__PURE__ */ new Set(["-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment"]);
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v === "-" || v === "-l" || v === "--login") login = true;
    else if (v === "-c" || v === "--command" || v === "--session-command") {
      script = args[i + 1];
      i++;
    } else if (v.startsWith("--command=") || v.startsWith("--session-command=")) {
      script = { value: v.slice(v.indexOf("=") + 1), origin: w.origin };
    } else if (withValue.has(v)) i++;
    else if (v.startsWith("-")) {
      if (/^-[a-zA-Z]*c$/.test(v)) {
        script = args[i + 1];
        i++;
      }
      if (/^-[a-zA-Z]*l/.test(v)) login = true;
    } else if (user === void 0) user = v;
  }
  const spec2 = user ?? "root";
  const shown4 = `${tool}${login ? " -l" : ""} ${spec2}`;
  const result = { switch: switchTo(tool, true, login, spec2, shown4), argv: [] };
  if (script) result.script = script;
  return result;
}
function readSetpriv(args) {
  let uid;
  const ambient = [];
  let i = 0;
  const withValue = /* @__PURE__ */ new Set([
    "--ruid",
    "--euid",
    "--reuid",
    "--rgid",
    "--egid",
    "--regid",
    "--groups",
    "--inh-caps",
    "--ambient-caps",
    "--bounding-set",
    "--securebits",
    "--pdeathsig",
    "--selinux-label",
    "--apparmor-profile",
    "--landlock-access",
    "--landlock-rule"
  ]);
  while (i < args.length) {
    const w = args[i]?.value ?? "";
    if (w === "--") {
      i++;
      break;
    }
    if (!w.startsWith("-")) break;
    const [name, inline] = w.includes("=") ? [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)] : [w, void 0];
    const value = inline ?? (withValue.has(name) ? args[i + 1]?.value : void 0);
    if ((name === "--reuid" || name === "--ruid" || name === "--euid") && value !== void 0) uid = value;
    if (name === "--ambient-caps" && value !== void 0) {
      for (const part of value.split(",")) {
        const match = /^\+(?:cap_)?([a-z_]+)$/i.exec(part.trim());
        if (match?.[1]) ambient.push(match[1].toUpperCase());
      }
    }
    i += inline === void 0 && withValue.has(name) ? 2 : 1;
  }
  if (uid === void 0) return void 0;
  const sw = switchTo("setpriv", false, false, uid, `setpriv --reuid=${uid}`);
  sw.ambient = ambient;
  return { switch: sw, argv: args.slice(i) };
}

// src/model/mounts.ts
function str2(value) {
  return typeof value === "string" ? value : void 0;
}
function itemsOf(value) {
  if (!Array.isArray(value)) return void 0;
  const out = [];
  for (const item of value) {
    const key = isMapping(item) ? str2(item.key) : void 0;
    const path = isMapping(item) ? str2(item.path) : void 0;
    if (key !== void 0 && path !== void 0) out.push({ key, path });
  }
  return out;
}
function projectionsOf(volume) {
  const out = [];
  const add = (kind, source, nameKey) => {
    if (!isMapping(source)) return;
    const name = str2(source[nameKey]);
    if (name === void 0) return;
    const projection = { kind, name };
    const items = itemsOf(source.items);
    if (items) projection.items = items;
    out.push(projection);
  };
  add("ConfigMap", volume.configMap, "name");
  add("Secret", volume.secret, "secretName");
  const projected = volume.projected;
  if (isMapping(projected) && Array.isArray(projected.sources)) {
    for (const source of projected.sources) {
      if (!isMapping(source)) continue;
      add("ConfigMap", source.configMap, "name");
      add("Secret", source.secret, "name");
    }
  }
  return out;
}
function decodeBase64(text) {
  try {
    const binary = atob(text.replace(/\s+/g, ""));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return void 0;
  }
}
var indexes = /* @__PURE__ */ new WeakMap();
function candidates(documents, kind, name) {
  if (documents.length === 0) return [];
  let index = indexes.get(documents);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const [document, view] of documents.entries()) {
      for (const object of view.extracted.objects) {
        if (object.ref.kind !== "ConfigMap" && object.ref.kind !== "Secret") continue;
        const key = `${object.ref.kind}/${object.ref.name ?? ""}`;
        const list = index.get(key) ?? [];
        list.push({ document, object });
        index.set(key, list);
      }
    }
    indexes.set(documents, index);
  }
  return index.get(`${kind}/${name}`) ?? [];
}
function findData(documents, kind, name, namespace) {
  for (const { document, object } of candidates(documents, kind, name)) {
    if (namespace !== void 0 && object.ref.namespace !== void 0 && object.ref.namespace !== namespace) continue;
    const out = [];
    const plain = kind === "ConfigMap" ? object.value.data : object.value.stringData;
    if (isMapping(plain)) {
      for (const [key, value] of Object.entries(plain)) {
        const content = typeof value === "string" ? value : typeof value === "number" ? String(value) : void 0;
        if (content !== void 0) {
          const field = kind === "ConfigMap" ? "data" : "stringData";
          out.push({ key, content, path: [...object.path, field, key], encoded: false, document });
        }
      }
    }
    if (kind === "Secret" && isMapping(object.value.data)) {
      for (const [key, value] of Object.entries(object.value.data)) {
        if (out.some((e) => e.key === key) || typeof value !== "string") continue;
        const content = decodeBase64(value);
        if (content !== void 0) {
          out.push({ key, content, path: [...object.path, "data", key], encoded: true, document });
        }
      }
    }
    return out;
  }
  return void 0;
}
function join3(dir, file) {
  return `${dir.replace(/\/+$/, "")}/${file.replace(/^\/+/, "")}`;
}
function mountedFiles(container, documents) {
  const mounts = container.value.volumeMounts;
  const volumes = container.podSpec.value.volumes;
  if (documents.length === 0 || !Array.isArray(mounts) || !Array.isArray(volumes)) return [];
  const namespace = container.podSpec.object?.ref.namespace;
  const out = [];
  mounts.forEach((mount, index) => {
    if (!isMapping(mount)) return;
    const volumeName = str2(mount.name);
    const mountPath = str2(mount.mountPath);
    if (volumeName === void 0 || mountPath === void 0) return;
    const volume = volumes.find((v) => isMapping(v) && v.name === volumeName);
    if (!isMapping(volume)) return;
    const subPath = str2(mount.subPath);
    for (const projection of projectionsOf(volume)) {
      const data = findData(documents, projection.kind, projection.name, namespace);
      if (!data) continue;
      for (const entry of data) {
        const relative2 = projection.items ? projection.items.find((item) => item.key === entry.key)?.path : projection.items === void 0 ? entry.key : void 0;
        if (relative2 === void 0) continue;
        let path;
        if (subPath !== void 0 && subPath !== "") {
          if (relative2 !== subPath.replace(/^\.\//, "")) continue;
          path = mountPath;
        } else path = join3(mountPath, relative2);
        out.push({
          path,
          content: entry.content,
          source: {
            kind: projection.kind,
            name: projection.name,
            key: entry.key,
            document: entry.document,
            path: entry.path,
            encoded: entry.encoded
          },
          mountPath: [...container.path, "volumeMounts", index]
        });
      }
    }
  });
  return out;
}

// src/model/needs.ts
function commandLabel(step) {
  const line = step.origin.line ? `, line ${step.origin.line + 1}` : "";
  return `${step.origin.field}[${step.origin.index}]${line}`;
}
function stepEvidence(container, document, step) {
  const ref = {
    document,
    path: [...container.path, step.origin.field, step.origin.index],
    text: step.text,
    label: commandLabel(step)
  };
  if (step.origin.line !== void 0) ref.line = step.origin.line;
  return ref;
}
function fileLabel(file) {
  return `${file.source.kind}/${file.source.name} "${file.source.key}", mounted at ${file.path}`;
}
function fileEvidence(file, line, text) {
  const ref = { document: file.source.document, path: file.source.path, text, label: fileLabel(file) };
  if (line !== void 0 && !file.source.encoded) ref.line = line;
  return ref;
}
function limitValue(text) {
  const t = text.trim().toLowerCase();
  if (t === "unlimited" || t === "infinity" || t === "-1") return "unlimited";
  return /^\d+$/.test(t) ? Number(t) : void 0;
}
function domainApplies(domain, user) {
  const name = user.name ?? (user.uid !== void 0 ? String(user.uid) : void 0);
  if (domain === "*") return user.kind === "root" ? false : user.kind === "unknown" ? "unknown" : true;
  if (domain.startsWith("@") || domain.startsWith("%")) return user.kind === "root" ? false : "unknown";
  if (domain.includes(":")) return "unknown";
  if (domain === "root") return user.kind === "root";
  if (name === void 0) return "unknown";
  return domain === name;
}
function parseLimits(content) {
  const out = [];
  content.split("\n").forEach((raw, line) => {
    const text = raw.replace(/#.*$/, "").trim();
    if (text === "") return;
    const [domain, type, item, value] = text.split(/\s+/);
    if (domain && type && item && value) out.push({ domain, type, item, value, line, text: raw.trim() });
  });
  return out;
}
function isLimitsPath(path) {
  if (path === LIMITS_FILES.main) return true;
  return path.startsWith(LIMITS_FILES.dir) && path.endsWith(LIMITS_FILES.dirSuffix);
}
function limitsSources(container, document, files, steps) {
  const out = [];
  for (const file of files) {
    if (!isLimitsPath(file.path)) continue;
    out.push({ content: file.content, path: file.path, evidence: (line, text) => fileEvidence(file, line, text) });
  }
  for (const step of steps) {
    const target = step.redirects.find(
      (r) => (r.op === ">" || r.op === ">>" || r.op === ">|") && isLimitsPath(r.target)
    );
    const teeTarget = step.program === "tee" ? step.argv.slice(1).find((a) => isLimitsPath(a)) : void 0;
    const path = target?.target ?? teeTarget;
    if (path === void 0) continue;
    let content;
    if (step.heredoc !== void 0) content = step.heredoc;
    else if (step.program === "echo" || step.program === "printf") {
      content = step.argv.slice(1).filter((a) => !/^-[neE]+$/.test(a)).join(" ").replace(/\\n/g, "\n");
    }
    if (content === void 0) continue;
    out.push({ content, path, evidence: () => stepEvidence(container, document, step) });
  }
  return out;
}
function pamNeeds(container, document, files, command) {
  const openers = command.steps.filter((s) => s.switch?.pam);
  if (openers.length === 0) return [];
  const sources = limitsSources(container, document, files, command.steps);
  const out = [];
  for (const opener of openers) {
    const target = opener.switch?.user;
    const lines = [];
    for (const source of sources) {
      for (const raw of parseLimits(source.content)) {
        if (raw.type !== "hard" && raw.type !== "-") continue;
        const facts = RLIMIT_BY_ITEM.get(raw.item);
        const value = limitValue(raw.value);
        if (!facts || value === void 0) continue;
        if (domainApplies(raw.domain, target) === false) continue;
        const verdict3 = classifyRaise(facts, value);
        if (verdict3 !== "above" && verdict3 !== "maybe") continue;
        lines.push({
          domain: raw.domain,
          type: raw.type,
          item: raw.item,
          value,
          facts,
          verdict: verdict3,
          evidence: source.evidence(raw.line, raw.text)
        });
      }
    }
    if (lines.length === 0) continue;
    const verdict2 = lines.some((l) => l.verdict === "above") ? "above" : "maybe";
    const items = [...new Set(lines.map((l) => l.facts.resource))].join(", ");
    out.push({
      kind: "pam-limits",
      capability: "SYS_RESOURCE",
      opener,
      lines,
      verdict: verdict2,
      evidence: [...lines.map((l) => l.evidence), stepEvidence(container, document, opener)],
      summary: `pam_limits raises the hard ${items} when ${opener.switch?.tool} opens its session`
    });
  }
  return out;
}
function ulimitNeeds(container, document, steps) {
  const out = [];
  for (const step of steps) {
    if (step.program !== "ulimit") continue;
    let hard = false;
    let soft = false;
    let resource;
    const settings = [];
    for (const word of step.argv.slice(1)) {
      if (/^-[A-Za-z]+$/.test(word)) {
        for (const letter of word.slice(1)) {
          if (letter === "H") hard = true;
          else if (letter === "S") soft = true;
          else resource = RLIMIT_BY_FLAG.get(letter) ?? resource;
        }
        continue;
      }
      const facts = resource ?? RLIMIT_BY_FLAG.get("f");
      if (facts) settings.push({ facts, value: word, hard: hard || !soft });
    }
    for (const setting of settings) {
      if (!setting.hard) continue;
      const value = limitValue(setting.value);
      if (value === void 0) continue;
      const verdict2 = classifyRaise(setting.facts, value);
      if (verdict2 !== "above" && verdict2 !== "maybe") continue;
      out.push({
        kind: "ulimit",
        capability: "SYS_RESOURCE",
        step,
        facts: setting.facts,
        value,
        verdict: verdict2,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` raises the hard ${setting.facts.resource}`
      });
    }
  }
  return out;
}
function envOf(container) {
  const env = container.value.env;
  if (!Array.isArray(env)) return [];
  const out = [];
  env.forEach((item, index) => {
    if (!isMapping(item) || typeof item.name !== "string") return;
    const value = item.value;
    if (typeof value === "string" || typeof value === "boolean" || typeof value === "number") {
      out.push({ name: item.name, value: String(value), index });
    }
  });
  return out;
}
function envEvidence(container, document, env) {
  return {
    document,
    path: [...container.path, "env", env.index, "value"],
    text: `${env.name}=${env.value}`,
    label: `env ${env.name}`
  };
}
var TRUE2 = /^(true|yes|on)$/i;
function flatten(value, prefix = "", out = /* @__PURE__ */ new Map()) {
  if (isMapping(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}
function readYamlSettings(content) {
  const parsed = parseSource(content, "yaml");
  return flatten(parsed.documents[0]?.value);
}
function lineContaining(content, pattern) {
  const lines = content.split("\n");
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? void 0 : { line: index, text: lines[index].trim() };
}
var WRAPPING_SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
function mainStep(steps) {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (!step.switch && !WRAPPING_SHELLS.has(step.program)) return step;
  }
  return void 0;
}
function elasticsearchNeeds(container, document, files, command, raises2) {
  const evidence = [];
  let at;
  let singleNode = false;
  const env = envOf(container);
  for (const variable of env) {
    const name = variable.name;
    const locks = (name === ELASTICSEARCH.setting || name === ELASTICSEARCH.legacySetting || name === ELASTICSEARCH.envSetting) && TRUE2.test(variable.value) || /JAVA_OPTS|ES_OPTS/.test(name) && /(-E|-Des\.)bootstrap\.(memory_lock|mlockall)=true/.test(variable.value);
    if (locks) {
      const ref = envEvidence(container, document, variable);
      evidence.push(ref);
      at ??= ref.path;
    }
    if ((name === "discovery.type" || name === "ES_SETTING_DISCOVERY_TYPE") && variable.value === "single-node") {
      singleNode = true;
    }
  }
  let step;
  for (const s of command.steps) {
    if (s.argv.some((a) => /^-E(bootstrap\.(memory_lock|mlockall))=true$/.test(a))) {
      const ref = stepEvidence(container, document, s);
      evidence.push(ref);
      at ??= ref.path;
      step = s;
    }
    if (s.argv.includes("-Ediscovery.type=single-node")) singleNode = true;
  }
  if (command.steps.length === 0) {
    for (const field of ["args", "command"]) {
      const list = container.value[field];
      if (!Array.isArray(list)) continue;
      list.forEach((word, index) => {
        if (typeof word !== "string") return;
        if (/^-E(bootstrap\.(memory_lock|mlockall))=true$/.test(word)) {
          const path = [...container.path, field, index];
          evidence.push({ document, path, text: word, label: `${field}[${index}]` });
          at ??= path;
        }
        if (word === "-Ediscovery.type=single-node") singleNode = true;
      });
    }
  }
  for (const file of files) {
    if (!file.path.endsWith("/elasticsearch.yml")) continue;
    const settings = readYamlSettings(file.content);
    const lock = settings.get(ELASTICSEARCH.setting) ?? settings.get(ELASTICSEARCH.legacySetting);
    if (lock === true || typeof lock === "string" && TRUE2.test(lock)) {
      const found = lineContaining(file.content, /memory_lock|mlockall/);
      evidence.push(fileEvidence(file, found?.line, found?.text ?? `${ELASTICSEARCH.setting}: true`));
      at ??= file.mountPath;
    }
    if (settings.get("discovery.type") === "single-node") singleNode = true;
  }
  if (evidence.length === 0 || at === void 0) return [];
  step ??= command.steps.find((s) => s.program === "elasticsearch") ?? mainStep(command.steps);
  const user = step?.user ?? command.user;
  const memlock = raises2.filter(
    (r) => r.kind === "ulimit" ? r.facts.item === "memlock" : r.lines.some((l) => l.item === "memlock")
  );
  const need = {
    kind: "mlock",
    capability: "IPC_LOCK",
    app: "elasticsearch",
    user,
    raisedBy: memlock,
    enforced: !singleNode,
    configVisible: true,
    skipSetcap: false,
    at,
    evidence,
    summary: "Elasticsearch locks its memory (bootstrap.memory_lock: true)"
  };
  if (step) need.step = step;
  return [need];
}
function vaultNeeds(container, document, files, command) {
  const image = typeof container.value.image === "string" ? container.value.image : "";
  if (!/(^|\/)vault(:|@|$)/.test(image)) return [];
  const words = command.steps.flatMap((s) => s.argv);
  const args = Array.isArray(container.value.args) ? container.value.args.filter((a) => typeof a === "string") : [];
  const server = words.includes("server") || args.includes("server") || command.steps.length === 0 && args.length === 0;
  if (!server || words.includes("-dev") || args.includes("-dev")) return [];
  const env = envOf(container);
  const disabling = /disable_mlock"?\s*[:=]\s*"?true/;
  let configVisible = false;
  for (const variable of env) {
    if (variable.name === "VAULT_LOCAL_CONFIG") {
      configVisible = true;
      if (disabling.test(variable.value)) return [];
    }
    if (variable.name === "VAULT_DISABLE_MLOCK" && TRUE2.test(variable.value)) return [];
  }
  for (const file of files) {
    if (!/\.(hcl|json)$/.test(file.path)) continue;
    configVisible = true;
    if (disabling.test(file.content)) return [];
  }
  if (words.some((w) => /disable_mlock/.test(w))) return [];
  const skipSetcap = env.some((v) => v.name === "SKIP_SETCAP" && v.value !== "");
  const step = command.steps.find((s) => s.program === "vault");
  const evidence = [
    {
      document,
      path: [...container.path, "image"],
      text: `image: ${image}`,
      label: "image"
    }
  ];
  if (step) evidence.push(stepEvidence(container, document, step));
  const need = {
    kind: "mlock",
    capability: "IPC_LOCK",
    app: "vault",
    user: step?.user ?? command.user,
    raisedBy: [],
    enforced: true,
    configVisible,
    skipSetcap,
    at: [...container.path, "image"],
    evidence,
    summary: `Vault locks its memory (${VAULT.setting} is not set)`
  };
  if (step) need.step = step;
  return [need];
}
function sysctlNeeds(container, document, steps) {
  const out = [];
  const add = (step, key, value) => {
    const name = normalizeSysctl(key);
    const need = {
      kind: "sysctl",
      key: name,
      step,
      evidence: [stepEvidence(container, document, step)],
      summary: `\`${step.text}\` writes ${name}`
    };
    if (value !== void 0) need.value = value;
    const namespace = sysctlNamespace(name);
    if (namespace) need.namespace = namespace;
    const safe = safeSysctl(name);
    if (safe) need.safe = safe;
    out.push(need);
  };
  for (const step of steps) {
    if (step.program === "sysctl") {
      const args = step.argv.slice(1);
      const write = args.some((a) => a === "-w" || a === "--write");
      const load = args.some((a) => a === "-p" || a === "--load" || a.startsWith("--load=") || a === "--system");
      for (const arg of args) {
        if (arg.startsWith("-")) continue;
        const eq = arg.indexOf("=");
        if (eq > 0) add(step, arg.slice(0, eq), arg.slice(eq + 1));
        else if (write && /^[a-z][\w.\-/]*$/i.test(arg)) add(step, arg);
      }
      if (load && !out.some((n) => n.step === step)) add(step, "(keys from a file)");
      continue;
    }
    for (const redirect of step.redirects) {
      if ((redirect.op === ">" || redirect.op === ">>") && redirect.target.startsWith("/proc/sys/")) {
        add(step, redirect.target.slice("/proc/sys/".length), step.program === "echo" ? step.argv[1] : void 0);
      }
    }
    if (step.program === "tee") {
      for (const arg of step.argv.slice(1)) if (arg.startsWith("/proc/sys/")) add(step, arg.slice("/proc/sys/".length));
    }
  }
  return out;
}
function optionValue2(argv, short, long) {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === short || a === long) return argv[i + 1];
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
    if (a.startsWith(short) && a.length > short.length && !a.startsWith("--")) return a.slice(short.length);
  }
  return void 0;
}
var negative = (value) => value !== void 0 && /^-\d+$/.test(value) && Number(value) < 0;
function raisesPriority(kind, argv) {
  const args = argv.slice(1);
  switch (kind) {
    case "nice": {
      if (negative(optionValue2(argv, "-n", "--adjustment"))) return true;
      return args.some((a) => /^--\d+$/.test(a));
    }
    case "renice": {
      const value = optionValue2(argv, "-n", "--priority") ?? args.find((a) => /^-?\d+$/.test(a));
      return negative(value);
    }
    case "chrt": {
      if (args.some((a) => /^-(o|b|i|-other|-batch|-idle)$/.test(a))) return false;
      if (args.some((a) => /^-(m|-max)$/.test(a))) return false;
      const numbers = args.filter((a) => /^\d+$/.test(a));
      const pid = args.some((a) => a === "-p" || a === "--pid");
      const priority = pid ? numbers.length >= 2 ? numbers[0] : void 0 : numbers[0];
      return priority !== void 0 && Number(priority) > 0;
    }
    case "ionice": {
      const value = optionValue2(argv, "-c", "--class");
      return value === "1" || value?.toLowerCase() === "realtime";
    }
    case "chronyd": {
      const value = optionValue2(argv, "-P", "-P");
      return value !== void 0 && /^\d+$/.test(value) && Number(value) > 0;
    }
  }
}
function changes(facts, argv) {
  if (facts.raises) return raisesPriority(facts.raises, argv);
  if (!facts.changing) {
    if (facts.capability === "SYS_ADMIN") return argv.slice(1).some((a) => !a.startsWith("-"));
    return true;
  }
  const words = argv.slice(1).filter((a) => !a.startsWith("-"));
  if (words[0] === "netns") return false;
  const verb = facts.changing.position === "second" ? words[1] : words[0];
  return verb !== void 0 && facts.changing.words.includes(verb);
}
function commandNeeds(container, document, steps) {
  const out = [];
  for (const step of steps) {
    for (const wrapper of step.wrappers ?? []) {
      const program = wrapper.argv[0]?.split("/").pop() ?? "";
      const facts2 = COMMAND_NEEDS.find((c) => c.programs.includes(program));
      if (!facts2 || !changes(facts2, wrapper.argv)) continue;
      const text = wrapper.argv.join(" ");
      out.push({
        kind: "command",
        capability: facts2.capability,
        // Located at the wrapper, which is what needs the capability.
        step: { ...step, origin: wrapper.origin },
        facts: facts2,
        wrapper: text,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${text}\` needs ${facts2.capability} (${facts2.why})`
      });
    }
    const facts = COMMAND_NEEDS.find((c) => c.programs.includes(step.program));
    if (facts && changes(facts, step.argv)) {
      out.push({
        kind: "command",
        capability: facts.capability,
        step,
        facts,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` needs ${facts.capability} (${facts.why})`
      });
    }
    const target = step.switch?.user;
    if (step.switch && target && target.kind !== "root" && step.user.kind !== "non-root") {
      out.push({
        kind: "switch",
        capability: "SETUID",
        capabilities: SWITCH_NEEDS.capabilities,
        step,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` needs SETUID and SETGID (${SWITCH_NEEDS.why})`
      });
    }
  }
  return out;
}
function podSysctl(container, key) {
  const context = container.podSpec.value.securityContext;
  const sysctls = isMapping(context) && Array.isArray(context.sysctls) ? context.sysctls : [];
  for (const item of sysctls) {
    if (isMapping(item) && typeof item.name === "string" && item.name.replace(/\//g, ".") === key) {
      return item.value === void 0 ? void 0 : String(item.value);
    }
  }
  return void 0;
}
function portNeeds(container, document, user) {
  const ports = container.value.ports;
  if (!Array.isArray(ports)) return [];
  const hostNetwork = container.podSpec.value.hostNetwork === true;
  const unprivilegedPortStart = podSysctl(container, "net.ipv4.ip_unprivileged_port_start");
  const out = [];
  ports.forEach((port, index) => {
    if (!isMapping(port) || typeof port.containerPort !== "number") return;
    const number2 = port.containerPort;
    if (number2 <= 0 || number2 >= LOW_PORT.limit) return;
    const path = [...container.path, "ports", index, "containerPort"];
    out.push({
      kind: "port",
      capability: "NET_BIND_SERVICE",
      port: number2,
      user,
      hostNetwork,
      ...unprivilegedPortStart === void 0 ? {} : { unprivilegedPortStart },
      evidence: [{ document, path, text: `containerPort: ${number2}`, label: `ports[${index}]` }],
      summary: `the process listens on port ${number2} (containerPort), below ${LOW_PORT.limit}`
    });
  });
  return out;
}
function containerNeeds(container, documents, document) {
  const command = readCommand(container);
  const files = mountedFiles(container, documents);
  const { steps } = command;
  const quiet = steps.length === 0 && files.length === 0;
  const raises2 = quiet ? [] : [...pamNeeds(container, document, files, command), ...ulimitNeeds(container, document, steps)];
  const main = mainStep(steps);
  const needs = [...raises2];
  needs.push(...elasticsearchNeeds(container, document, files, command, raises2));
  needs.push(...vaultNeeds(container, document, files, command));
  if (!quiet) needs.push(...sysctlNeeds(container, document, steps), ...commandNeeds(container, document, steps));
  needs.push(...portNeeds(container, document, main?.user ?? command.user));
  const out = { command, files, needs };
  if (main) out.main = main;
  return out;
}
function documentIndexOf(container, documents) {
  const found = documents.findIndex((d) => d.extracted.podSpecs.some((p) => p.value === container.podSpec.value));
  return Math.max(found, 0);
}

// src/model/process.ts
var ORDER = new Map(CAPABILITIES.map((c) => [c.name, c.number]));
var BY_NUMBER = [...CAPABILITIES].sort((a, b) => a.number - b.number).map((c) => c.name);
function sorted(set) {
  return [...set].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99));
}
var sets = /* @__PURE__ */ new Map();
var SETS_LIMIT = 4096;
var NONE = Object.freeze([]);
function ordered(set) {
  if (set.size === 0) return NONE;
  let bits = 0;
  let found = 0;
  let bit = 1;
  for (const name of BY_NUMBER) {
    if (set.has(name)) {
      bits += bit;
      found++;
    }
    bit *= 2;
  }
  if (found !== set.size || BY_NUMBER.length > 53) return sorted(set);
  let known = sets.get(bits);
  if (known === void 0) {
    if (sets.size >= SETS_LIMIT) sets.clear();
    known = Object.freeze(BY_NUMBER.filter((name) => set.has(name)));
    sets.set(bits, known);
  }
  return known;
}
var targetFacts = /* @__PURE__ */ new WeakMap();
var ENTRIES_LIMIT = 4096;
function factsOf(target) {
  let facts = targetFacts.get(target);
  if (facts === void 0) {
    const max = target.engine?.knownMax ?? 40;
    const all = CAPABILITIES.filter(
      (c) => c.number <= max && (target.kernel === void 0 || kernelHasCapability(c, target.kernel))
    ).map((c) => c.name);
    facts = {
      all: ordered(new Set(all)),
      defaults: ordered(new Set(target.engine?.defaults ?? [])),
      start: nonRootStart(target),
      entries: { add: /* @__PURE__ */ new Map(), drop: /* @__PURE__ */ new Map() }
    };
    targetFacts.set(target, facts);
  }
  return facts;
}
function describeEntry(direction, prediction, input) {
  const all = input.trim().toUpperCase() === "ALL";
  switch (prediction.outcome) {
    case "applied":
      if (all) return direction === "add" ? "grants every capability" : "drops every capability";
      return `${direction === "add" ? "grants" : "drops"} ${prediction.capability ?? input}`;
    case "ignored":
      return direction === "add" ? "silently not granted" : "drops nothing";
    case "rejected":
      return `the container fails (${prediction.status ?? "error"})`;
    default:
      return "outcome not known";
  }
}
var NOT_A_NAME = {
  add: Object.freeze({ direction: "add", outcome: "unknown", became: "not a name", all: false }),
  drop: Object.freeze({ direction: "drop", outcome: "unknown", became: "not a name", all: false })
};
var isAllName = (input) => input.trim().toUpperCase() === "ALL";
function entryOutcome(facts, target, direction, value) {
  if (typeof value !== "string") return NOT_A_NAME[direction];
  const known = facts.entries[direction];
  let outcome = known.get(value);
  if (outcome === void 0) {
    const prediction = predict(target, direction, value);
    outcome = Object.freeze({
      direction,
      input: value,
      prediction,
      outcome: prediction.outcome,
      became: describeEntry(direction, prediction, value),
      all: isAllName(value)
    });
    if (known.size >= ENTRIES_LIMIT) known.clear();
    known.set(value, outcome);
  }
  return outcome;
}
var NO_AMBIENT = Object.freeze({ state: "no", capabilities: NONE });
function processOnTarget(container, target) {
  const context = container.securityContext;
  const privileged = context?.privileged === true;
  const engine = target.engine;
  const defaults = engine?.defaults ?? [];
  const facts = factsOf(target);
  const caps = isMapping(context?.capabilities) ? context.capabilities : void 0;
  const listsIgnored = privileged && engine?.privileged.listsIgnored === true;
  const entries = [];
  for (const direction of ["add", "drop"]) {
    const list = caps?.[direction];
    if (!Array.isArray(list)) continue;
    for (const value of list) {
      if (listsIgnored) {
        const out = typeof value === "string" ? {
          direction,
          input: value,
          outcome: "not-applied",
          became: "not applied (privileged)",
          all: isAllName(value)
        } : { direction, outcome: "not-applied", became: "not applied (privileged)", all: false };
        entries.push(out);
      } else entries.push(entryOutcome(facts, target, direction, value));
    }
  }
  const start = facts.start;
  const result = {
    target,
    privileged,
    starts: true,
    defaults,
    bounding: NONE,
    uncertain: NONE,
    entries,
    noNewPrivs: context?.allowPrivilegeEscalation === false,
    userNamespace: container.podSpec.value.hostUsers === false,
    runtimeAmbient: NO_AMBIENT,
    boundingOnly: start.boundingOnly
  };
  const rejected = entries.find((e) => e.outcome === "rejected");
  if (rejected?.prediction) {
    result.starts = false;
    result.failure = `${JSON.stringify(rejected.input)} in ${rejected.direction} is refused (${rejected.prediction.status ?? "error"})`;
  }
  if (!engine) return result;
  if (privileged) {
    result.bounding = facts.all;
    if (start.ambient !== "none" && start.ambientDefaults) result.runtimeAmbient = ambientOf(start, result.bounding);
    return result;
  }
  let addAll = false;
  let dropAll = false;
  let dropAllUnknown = false;
  const adds = [];
  const drops = [];
  const maybeAdd = [];
  const maybeDrop = [];
  for (const e of entries) {
    const add = e.direction === "add";
    if (e.outcome === "applied") {
      if (e.all) {
        if (add) addAll = true;
        else dropAll = true;
      } else {
        const capability = e.prediction?.capability;
        if (capability !== void 0) (add ? adds : drops).push(capability);
      }
    } else if (e.outcome === "unknown" && e.input !== void 0) {
      (add ? maybeAdd : maybeDrop).push(e.input);
      if (!add && e.all) dropAllUnknown = true;
    }
  }
  const changes2 = addAll || dropAll || adds.length > 0 || drops.length > 0;
  if (!changes2 && maybeAdd.length === 0 && maybeDrop.length === 0 && !dropAllUnknown) {
    result.bounding = facts.defaults;
    if (start.ambient !== "none")
      result.runtimeAmbient = ambientOf(start, start.ambientDefaults ? result.bounding : NONE);
    return result;
  }
  const bounding = new Set(defaults);
  const uncertain = /* @__PURE__ */ new Set();
  if (addAll) for (const c of facts.all) bounding.add(c);
  if (dropAll) bounding.clear();
  const conflict = engine.conflict.result;
  if (conflict === "add-wins") {
    for (const c of drops) bounding.delete(c);
    for (const c of adds) bounding.add(c);
  } else {
    for (const c of adds) bounding.add(c);
    for (const c of drops) bounding.delete(c);
    if (conflict === "unknown") {
      for (const c of adds) if (drops.includes(c)) uncertain.add(c);
    }
    if (conflict === "rejected" && adds.some((c) => drops.includes(c)) && result.starts) {
      result.starts = false;
      result.failure = engine.conflict.detail;
    }
  }
  for (const input of maybeAdd) {
    const name = capabilityName(input);
    if (name && !bounding.has(name)) uncertain.add(name);
  }
  for (const input of maybeDrop) {
    const name = capabilityName(input);
    if (name && bounding.has(name)) uncertain.add(name);
  }
  if (dropAllUnknown) {
    for (const c of defaults) if (bounding.has(c)) uncertain.add(c);
  }
  result.bounding = ordered(bounding);
  result.uncertain = ordered(uncertain);
  if (start.ambient !== "none") {
    const added = addAll ? result.bounding : ordered(new Set(adds.filter((c) => bounding.has(c))));
    result.runtimeAmbient = ambientOf(start, start.ambientDefaults ? result.bounding : added);
  }
  return result;
}
function ambientOf(start, capabilities) {
  const out = {
    state: start.ambient === "all" ? "yes" : "unknown",
    capabilities
  };
  if (start.detail) out.detail = start.detail;
  return out;
}
function heldThroughAmbient(model, capability, step) {
  if (model.runtimeAmbient.state === "no" || !model.runtimeAmbient.capabilities.includes(capability)) return "no";
  if (step?.startedBy !== void 0) return "no";
  return model.runtimeAmbient.state;
}
function modelKey(container) {
  const context = container.securityContext;
  const caps = isMapping(context?.capabilities) ? context.capabilities : void 0;
  const list = (value) => Array.isArray(value) ? value.map((v) => typeof v === "string" ? v : null) : typeof value;
  return JSON.stringify([
    list(caps?.add),
    list(caps?.drop),
    context?.privileged === true,
    context?.allowPrivilegeEscalation === false,
    container.podSpec.value.hostUsers === false
  ]);
}
var MODEL_CACHE_LIMIT = 4096;
var models = /* @__PURE__ */ new WeakMap();
var decidingOf = /* @__PURE__ */ new WeakMap();
function decidingTargets(targets) {
  let deciding2 = decidingOf.get(targets);
  if (deciding2 === void 0) {
    deciding2 = targets.filter((t) => !t.context);
    decidingOf.set(targets, deciding2);
  }
  return deciding2;
}
function modelsOf(container, targets) {
  let cache = models.get(targets);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    models.set(targets, cache);
  }
  const key = modelKey(container);
  let shared2 = cache.get(key);
  if (!shared2) {
    if (cache.size >= MODEL_CACHE_LIMIT) cache.clear();
    shared2 = {};
    cache.set(key, shared2);
  }
  return shared2;
}
function processesOnTargets(container, targets) {
  const shared2 = modelsOf(container, targets);
  if (shared2.all === void 0) {
    const deciding2 = shared2.deciding;
    let next = 0;
    shared2.all = targets.map(
      (t) => deciding2 !== void 0 && !t.context ? deciding2[next++] : processOnTarget(container, t)
    );
  }
  return shared2.all;
}
function decidingProcesses(container, targets) {
  const shared2 = modelsOf(container, targets);
  if (shared2.deciding === void 0) {
    shared2.deciding = shared2.all === void 0 ? decidingTargets(targets).map((t) => processOnTarget(container, t)) : shared2.all.filter((p) => !p.target.context);
  }
  return shared2.deciding;
}
function capabilityName(input) {
  let bare = input.trim().toUpperCase();
  while (bare.startsWith("CAP_")) bare = bare.slice(4);
  return ORDER.has(bare) ? bare : void 0;
}
function whyAbsent(model, capability) {
  const engine = model.target.engine;
  const addEntry = model.entries.find(
    (e) => e.direction === "add" && e.input !== void 0 && capabilityName(e.input) === capability
  );
  if (addEntry?.prediction && addEntry.outcome !== "applied") {
    const prediction = addEntry.prediction;
    const lookedUp = prediction.runtimeName && prediction.runtimeName !== `CAP_${capability}` ? ` (looked up as ${prediction.runtimeName})` : "";
    const what = addEntry.outcome === "ignored" ? "is silently not granted" : "has no known outcome";
    return `the add entry ${JSON.stringify(addEntry.input)} ${what}${lookedUp}`;
  }
  const dropped = model.entries.find(
    (e) => e.direction === "drop" && e.outcome === "applied" && e.input !== void 0 && (e.input.trim().toUpperCase() === "ALL" || capabilityName(e.input) === capability)
  );
  if (dropped) return `drop ${JSON.stringify(dropped.input)} removes it and nothing adds it back`;
  return `it is not in ${engine?.label ?? "the runtime"}\u2019s default set and nothing adds it`;
}
function capabilityFor(model, user, capability, step) {
  if (!model.target.engine) return { state: "unknown", why: "no container runtime in the target" };
  if (model.uncertain.includes(capability)) {
    return { state: "unknown", why: `whether ${capability} is granted is not known on ${model.target.label}` };
  }
  const inBounding = model.bounding.includes(capability);
  if (user.kind === "non-root" && !step?.ambient.includes(capability)) {
    const ambient = inBounding ? heldThroughAmbient(model, capability, step) : "no";
    if (ambient === "yes") {
      return {
        state: "yes",
        why: `${model.target.label} puts ${capability} in the ambient set too, so ${describeUser(user)} holds it`
      };
    }
    if (ambient === "unknown") {
      return {
        state: "unknown",
        why: `some ${model.target.id} patch releases put ${capability} in the ambient set (then ${describeUser(user)} holds it), others do not: name the patch release`
      };
    }
    const also = inBounding ? "" : `; ${capability} is not even in its bounding set: ${whyAbsent(model, capability)}`;
    return {
      state: "no",
      why: `the process runs as ${describeUser(user)}, which holds no capability (${NON_ROOT.short})${also}`,
      fileCapsPossible: inBounding && fileCapabilitiesCanReach(model, step)
    };
  }
  if (!inBounding) return { state: "no", why: whyAbsent(model, capability) };
  if (step?.ambient.includes(capability))
    return { state: "yes", why: `${capability} is passed as an ambient capability` };
  if (user.kind === "root") return { state: "yes", why: `${capability} is granted and the process is root` };
  return {
    state: "unknown",
    why: `${capability} is granted, but the process user (${user.source}) is not known: root holds it, another user does not`
  };
}
function isShellOrScript(step) {
  return step.program.endsWith(".sh") || ["sh", "bash", "ash", "dash", "zsh", "ulimit"].includes(step.program);
}
function fileCapabilitiesCanReach(model, step) {
  if (step && isShellOrScript(step)) return false;
  if (!model.noNewPrivs) return true;
  if (model.boundingOnly === "all") return false;
  if (step === void 0) return true;
  if (step.viaImageEntrypoint) return true;
  return !step.throughShell && step.startedBy?.switch === void 0;
}
function describeUser(user) {
  if (user.kind === "root") return `root (${user.source})`;
  const who = user.name ?? (user.uid !== void 0 ? `uid ${user.uid}` : "a non-root user");
  return user.kind === "non-root" ? `${who} (${user.source})` : `an unknown user (${user.source})`;
}
function hasUnprivilegedPorts(target, hostNetwork) {
  if (hostNetwork || !target.engine || !target.engineVersion) return void 0;
  const version = target.engineVersion;
  const fact = UNPRIVILEGED_NET_DEFAULTS.find(
    (d) => d.engine === target.engine?.engine && d.ports && compareVersions(version, must(d.since)) >= 0
  );
  return fact?.detail;
}
function sysResource(model, user, step, assumeRoot) {
  if (model.userNamespace) return { state: "unmet", why: RAISE_HARD_LIMIT.userNamespace };
  const effectiveUser = user.kind === "unknown" && assumeRoot ? { kind: "root", source: assumeRoot } : user;
  const available = capabilityFor(model, effectiveUser, "SYS_RESOURCE", step);
  if (available.state === "yes") return { state: "met", why: available.why };
  if (available.state === "unknown") return { state: "unknown", why: available.why };
  return { state: "unmet", why: available.why };
}
function evaluateNeed(need, model, all = []) {
  if (!model.starts) return { state: "not-run", why: model.failure ?? "the container does not start" };
  switch (need.kind) {
    case "pam-limits":
      return sysResource(
        model,
        need.opener.user,
        need.opener,
        `${need.opener.switch?.tool ?? "the session opener"} runs only as root`
      );
    case "ulimit":
      return sysResource(model, need.step.user, need.step, "");
    case "mlock":
      return evaluateMlock(need, model, all);
    case "sysctl": {
      if (!model.privileged) return { state: "unmet", why: PROC_SYS_FACTS.readOnly };
      if (model.userNamespace && !need.namespace) {
        return { state: "unmet", why: "a pod with its own user namespace cannot write a node-wide sysctl" };
      }
      if (need.step.user.kind === "non-root") {
        return {
          state: "unmet",
          why: `the files under /proc/sys belong to root; ${describeUser(need.step.user)} cannot write them`
        };
      }
      return { state: "met", why: "the container is privileged, so /proc/sys is writable" };
    }
    case "command": {
      const available = capabilityFor(model, need.step.user, need.capability, need.step);
      return toState(available, need.facts.soft === true);
    }
    case "switch": {
      const switcher = need.step.user.kind === "unknown" ? { kind: "root", source: `${need.step.program} runs as root` } : need.step.user;
      for (const capability of need.capabilities) {
        const available = capabilityFor(model, switcher, capability, need.step);
        if (available.state !== "yes") return toState(available, false);
      }
      return { state: "met", why: "SETUID and SETGID are granted" };
    }
    case "port": {
      const sysctl = need.unprivilegedPortStart;
      if (sysctl !== void 0 && Number(sysctl) <= need.port) {
        return { state: "met", why: `the pod sets net.ipv4.ip_unprivileged_port_start=${sysctl}` };
      }
      const runtime = hasUnprivilegedPorts(model.target, need.hostNetwork);
      if (runtime) return { state: "met", why: runtime };
      const available = capabilityFor(model, need.user, "NET_BIND_SERVICE");
      return toState(available, true);
    }
  }
}
function toState(available, soft) {
  if (available.state === "yes") return { state: "met", why: available.why };
  if (available.state === "unknown") return { state: "unknown", why: available.why };
  const state = { state: "unmet", why: available.why };
  if (soft || available.fileCapsPossible) state.soft = true;
  return state;
}
function evaluateMlock(need, model, all) {
  if (need.app === "elasticsearch") {
    if (need.raisedBy.length > 0) {
      const states = need.raisedBy.map((r) => evaluateNeed(r, model, all));
      if (states.every((s) => s.state === "met")) return { state: "met", why: "the memlock limit is raised first" };
      const failing2 = states.find((s) => s.state !== "met");
      return {
        state: "deferred",
        why: `it depends on raising the memlock limit, which ${failing2?.state === "unmet" ? "fails" : "may fail"} here: ${failing2?.why ?? ""}`
      };
    }
    return {
      state: "unmet",
      why: `${ELASTICSEARCH.refusesRoot}; nothing in the manifest raises the memlock limit, so it keeps the limit of the container engine (64 KiB to 64 MiB)`
    };
  }
  const user = need.user;
  if (user.kind === "root") {
    const available = capabilityFor(model, user, "IPC_LOCK", need.step);
    return toState(available, false);
  }
  if (!model.bounding.includes("IPC_LOCK")) return { state: "unmet", why: whyAbsent(model, "IPC_LOCK") };
  if (user.kind === "non-root") {
    return {
      state: "unmet",
      why: `Vault runs as ${describeUser(user)}, which holds no capability (${NON_ROOT.short}), and only root can give the binary a file capability`
    };
  }
  if (need.skipSetcap)
    return {
      state: "unmet",
      why: "SKIP_SETCAP is set, so the image\u2019s entrypoint does not give vault the IPC_LOCK file capability"
    };
  if (model.noNewPrivs) {
    return {
      state: "unmet",
      why: "allowPrivilegeEscalation: false: the vault binary is not the first executable, so its file capability gives nothing"
    };
  }
  return { state: "met", why: VAULT.fileCapability };
}

// src/rules/needs-support.ts
var AnalyzedContainer = class {
  constructor(container, document, needs, targets) {
    this.container = container;
    this.document = document;
    this.needs = needs;
    this.targets = targets;
  }
  container;
  document;
  needs;
  targets;
  perTarget;
  perDecidingTarget;
  /** The container on each target. */
  get processes() {
    this.perTarget ??= processesOnTargets(this.container, this.targets);
    return this.perTarget;
  }
  /** The container on each target that decides (end-of-life runtimes checked as context left out). */
  get deciding() {
    this.perDecidingTarget ??= decidingProcesses(this.container, this.targets);
    return this.perDecidingTarget;
  }
};
var ANALYSIS = /* @__PURE__ */ Symbol("analysis");
function analyzeContainers(context) {
  const out = [];
  for (const podSpec of context.extracted.podSpecs) {
    for (const container of podSpec.containers) {
      const cached = container[ANALYSIS];
      if (cached && cached.targets === context.targets) {
        out.push(cached.analysis);
        continue;
      }
      const documents = mountsData(container) ? context.documents : [];
      const document = documents.length > 0 ? documentIndexOf(container, documents) : -1;
      const analysis = new AnalyzedContainer(
        container,
        document,
        containerNeeds(container, documents, document),
        context.targets
      );
      container[ANALYSIS] = { targets: context.targets, analysis };
      out.push(analysis);
    }
  }
  return out;
}
function mountsData(container) {
  const mounts = container.value.volumeMounts;
  const volumes = container.podSpec.value.volumes;
  if (!Array.isArray(mounts) || mounts.length === 0 || !Array.isArray(volumes)) return false;
  if (!volumes.some((v) => isMapping(v) && ("configMap" in v || "secret" in v || "projected" in v))) return false;
  const vault = typeof container.value.image === "string" && /(^|\/)vault(:|@|$)/.test(container.value.image);
  return mounts.some((m) => {
    const path = isMapping(m) && typeof m.mountPath === "string" ? m.mountPath : "";
    return path.startsWith("/etc/security") || /elasticsearch/.test(path) || vault;
  });
}
function statesFor(analysis, need) {
  return analysis.deciding.map((process2) => ({
    target: process2.target,
    process: process2,
    state: evaluateNeed(need, process2, analysis.needs.needs)
  }));
}
function containerBase(container) {
  const base = {};
  if (container.podSpec.object) base.object = container.podSpec.object.ref;
  if (container.name !== void 0) base.container = container.name;
  return base;
}
function needTargets(states) {
  return states.map(({ target, state }) => ({
    target: target.matrix ? target.label : target.id,
    outcome: state.state === "met" ? "applied" : state.state === "unmet" ? "ignored" : state.state === "not-run" ? "rejected" : "unknown",
    detail: state.state === "not-run" ? `the container does not start: ${state.why}` : state.why,
    list: "need"
  }));
}
function needConsequence(targets, unmet) {
  const where2 = (outcome) => where(
    targets.filter((t) => t.outcome === outcome),
    targets
  );
  if (targets.some((t) => t.outcome === "ignored")) return `${unmet} on ${where2("ignored")}`;
  if (targets.some((t) => t.outcome === "unknown")) return `outcome not known on ${where2("unknown")}`;
  if (targets.some((t) => t.outcome === "rejected")) return `container does not start on ${where2("rejected")}`;
  return void 0;
}
function names(states) {
  return joinAnd([...new Set(states.map((s) => targetName(s.target)))]);
}
function describeStates(states, what) {
  const by = (s) => states.filter((t) => t.state.state === s);
  const parts = [];
  const unmet = by("unmet");
  if (unmet.length > 0) {
    const groups = /* @__PURE__ */ new Map();
    for (const u of unmet) groups.set(u.state.why, [...groups.get(u.state.why) ?? [], u]);
    const reasons = [...groups].map(([why, items]) => `on ${names(items)}: ${why}`);
    parts.push(`${what.unmet} ${reasons.join("; ")}`);
  }
  const unknown = [...by("unknown"), ...by("deferred")];
  if (unknown.length > 0) parts.push(`not known on ${names(unknown)} (${unknown[0]?.state.why})`);
  const met = by("met");
  if (met.length > 0) parts.push(`${what.met} on ${names(met)}`);
  const notRun = by("not-run");
  if (notRun.length > 0) parts.push(`the container does not start on ${names(notRun)}`);
  return parts.join("; ");
}
function capitalize(text) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
function quoteEvidence(evidence) {
  return evidence.map((e) => `\`${e.text}\` in ${e.label}`).join("; ");
}
function uniqueEvidence(evidence) {
  const seen = /* @__PURE__ */ new Set();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.document, e.path, e.line, e.text]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function stepPath(container, origin) {
  return [...container.path, origin.field, origin.index];
}
function addCapabilities(container, capabilities) {
  if (capabilities.length === 0) return void 0;
  const values = [...capabilities];
  const contextPath = [...container.path, "securityContext"];
  const context = container.securityContext;
  let edit2;
  if (!("securityContext" in container.value)) {
    edit2 = { kind: "add-key", path: contextPath, value: { capabilities: { add: values } } };
  } else if (!isMapping(context)) {
    return void 0;
  } else if (!("capabilities" in context)) {
    edit2 = { kind: "add-key", path: [...contextPath, "capabilities"], value: { add: values } };
  } else if (!isMapping(context.capabilities)) {
    return void 0;
  } else if (!("add" in context.capabilities)) {
    edit2 = { kind: "add-key", path: [...contextPath, "capabilities", "add"], value: values };
  } else if (Array.isArray(context.capabilities.add)) {
    edit2 = { kind: "append-items", path: [...contextPath, "capabilities", "add"], values };
  } else {
    return void 0;
  }
  return { description: `add ${joinAnd(values)} to capabilities.add`, edits: [edit2] };
}
function addsCapability(container, capability) {
  const caps = container.securityContext?.capabilities;
  const add = isMapping(caps) && Array.isArray(caps.add) ? caps.add : [];
  return add.some((value) => {
    if (typeof value !== "string") return false;
    let bare = value.trim().toUpperCase();
    while (bare.startsWith("CAP_")) bare = bare.slice(4);
    return bare === capability;
  });
}
function misspelledAdd(container, capability) {
  const caps = container.securityContext?.capabilities;
  const add = isMapping(caps) && Array.isArray(caps.add) ? caps.add : [];
  return !add.includes(capability) && addsCapability(container, capability);
}
function limitText(value, unit) {
  if (value === "unlimited") return "unlimited";
  return unit === "KiB" ? `${value} KiB` : String(value);
}

// src/rules/cap-missing/index.ts
function capabilitiesOf(need) {
  return need.kind === "switch" ? need.capabilities : [need.capability];
}
function userOf(need) {
  return need.kind === "port" ? need.user : need.step.user;
}
var cap_missing_default = defineRule({
  meta: {
    id: "cap-missing",
    severity: "error",
    description: "A command in the container needs a capability that the process does not hold on the target",
    docs: [
      "Reads the container\u2019s command and args (`sh -c` scripts, wrappers and user switches included) for programs",
      "that need a capability, and checks it against what the process holds on each target \u2014 the runtime\u2019s default",
      "set after the manifest\u2019s drops and adds, spelled as that runtime reads them:",
      "",
      "- `iptables`, `ip6tables`, `nft`, `ipset`, `ip link|addr|route|rule \u2026 add|set|del`, `tc \u2026 add` \u2192 NET_ADMIN;",
      "- `chown`, `chgrp` \u2192 CHOWN (a Docker default, gone after `drop: [ALL]`);",
      "- `chroot` \u2192 SYS_CHROOT (not in CRI-O\u2019s defaults since 1.18);",
      "- `mount` \u2192 SYS_ADMIN (the runtime\u2019s seccomp and AppArmor profiles may still refuse it);",
      "- `su`, `runuser`, `gosu`, `su-exec`, `setpriv`, `chroot --userspec` to another user \u2192 SETUID and SETGID;",
      "- `ping` \u2192 NET_RAW, unless `net.ipv4.ping_group_range` allows ICMP sockets (warning);",
      "- a `containerPort` below 1024 served by a non-root process \u2192 NET_BIND_SERVICE, unless",
      "  `net.ipv4.ip_unprivileged_port_start` is lowered by the pod or the runtime (Docker 20.10+, containerd 2.0+)",
      "  (warning: containerPort is informational).",
      "",
      "A non-root process holds no capability from `capabilities.add` (Kubernetes sets no ambient capabilities);",
      "when the capability is added for it, cap-nonroot-ineffective reports that instead. When the process user is",
      "not known (the image\u2019s USER), a capability missing from the bounding set is missing either way; one that is",
      "present is not reported."
    ].join("\n"),
    fixable: "suggestion",
    citations: [
      ...[...new Set(COMMAND_NEEDS.flatMap((c) => c.citations))],
      ...SWITCH_NEEDS.citations,
      ...LOW_PORT.citations,
      ...[...new Set(UNPRIVILEGED_NET_DEFAULTS.flatMap((d) => d.citations))]
    ],
    example: {
      invalid: 'command: ["sh", "-c", "chown -R 1000:1000 /data && exec su-exec 1000 /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]',
      valid: 'command: ["sh", "-c", "chown -R 1000:1000 /data && exec su-exec 1000 /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [CHOWN, SETUID, SETGID]'
    },
    tags: ["reliability", "capabilities", "portability"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== "command" && need.kind !== "switch" && need.kind !== "port") continue;
        const user = userOf(need);
        const capabilities = capabilitiesOf(need);
        if (user.kind === "non-root" && capabilities.every((c) => addsCapability(container, c))) continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === "unmet");
        if (unmet.length === 0) continue;
        const hard = unmet.some((s) => !s.state.soft) && need.kind !== "port";
        let severity = hard ? "error" : "warning";
        const names2 = joinAnd([...capabilities]);
        const outcome = describeStates(states, {
          unmet: `the process does not hold ${capabilities.length > 1 ? "them" : "it"}`,
          met: capabilities.length > 1 ? "they are held" : "it is held"
        });
        const nonRoot = user.kind === "non-root";
        const missing = capabilities.filter((c) => !addsCapability(container, c));
        let message;
        let problem;
        let remedy;
        let path = need.kind === "port" ? need.evidence[0]?.path ?? container.path : stepPath(container, need.step.origin);
        if (need.kind === "port") {
          problem = `containerPort ${need.port} is below ${LOW_PORT.limit}`;
          remedy = `use a port \u2265${LOW_PORT.limit} or set ip_unprivileged_port_start`;
          message = `The container declares port ${need.port} (containerPort), below ${LOW_PORT.limit}: ${LOW_PORT.text}. ${capitalize(outcome)}. Set net.ipv4.ip_unprivileged_port_start in the pod\u2019s securityContext.sysctls (safe since Kubernetes 1.22), listen on a port of ${LOW_PORT.limit} or more${nonRoot ? "" : `, or add ${LOW_PORT.capability}`}. (containerPort is informational: ignore this if the process listens elsewhere.)`;
          path = need.evidence[0]?.path ?? path;
        } else {
          const where2 = `${need.step.origin.field}[${need.step.origin.index}]`;
          const why = need.kind === "switch" ? SWITCH_NEEDS.why : need.facts.why;
          const alternative = need.kind === "command" && need.facts.alternative ? ` Alternatively, ${need.facts.alternative}.` : "";
          const notEnough = need.kind === "command" && need.facts.notEnough ? ` Note that ${need.facts.notEnough}.` : "";
          const failure = need.kind === "switch" ? ` ${capitalize(SWITCH_NEEDS.failure)}.` : need.facts.consequence ? ` Without it, ${need.facts.consequence}.` : "";
          const shown4 = need.kind === "command" && need.wrapper && !need.step.text.includes(need.wrapper) ? `${need.wrapper} ${need.step.text}` : need.step.text;
          const advice = nonRoot ? ` ${NON_ROOT.noAmbient}: run this step as root (with ${names2} granted), or give the binary the file capability.` : ` Add ${joinAnd(missing.length > 0 ? missing : [...capabilities])} to capabilities.add${missing.length === 0 ? " spelled exactly so (see cap-prefix)" : ""}.`;
          problem = `\`${clip(shown4, 50)}\` (${where2}) needs ${names2}`;
          remedy = nonRoot ? "run this step as root or give the binary the file capability" : `add ${joinAnd(missing.length > 0 ? missing : [...capabilities])}${missing.length === 0 ? " spelled exactly so" : ""}`;
          message = `\`${shown4}\` (${where2}) needs ${names2}: ${why}. ${capitalize(outcome)}.${failure}${notEnough}${advice}${alternative}`;
          if (need.step.viaImageEntrypoint) {
            severity = "warning";
            message += " (These args go to the image\u2019s entrypoint; whether it runs them as a command is not known.)";
          }
        }
        const suggestion = !nonRoot && missing.length > 0 ? addCapabilities(container, missing) : void 0;
        const targets = needTargets(states);
        context.report({
          path,
          problem,
          consequence: needConsequence(targets, `not held`) ?? "not held",
          remedy,
          explanation: message,
          severity: chooseSeverity(context.severity, "error", severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...suggestion ? { suggestion } : {}
        });
      }
    }
  }
});

// src/rules/cap-nonroot-ineffective/index.ts
var cap_nonroot_ineffective_default = defineRule({
  meta: {
    id: "cap-nonroot-ineffective",
    severity: "info",
    description: "A capability is added for a process that runs as a non-root user, which never receives it",
    docs: [
      "Kubernetes sets no ambient capabilities (the pod API has no field for them), and today\u2019s runtimes empty the",
      "ambient set. A process that is not uid 0 therefore starts with empty effective and permitted sets:",
      "`capabilities.add` only widens its bounding set. Only file capabilities on the executed binary",
      "(`setcap cap_ipc_lock+ep \u2026`) can bring a capability back, and the manifest cannot show those. `+ei` instead of",
      "`+ep` works only where the runtime also fills the inheritable set (Docker up to 20.10.13, containerd before",
      "1.5.11 and 1.6.2).",
      "",
      "Old runtimes differ: CRI-O 1.0\u20131.9.11 and 1.10.0 and containerd 1.1.0 put the added capabilities in the",
      "ambient set too (CRI-O also its defaults), so there a non-root process holds them and nothing is reported",
      "for those targets.",
      "",
      "`allowPrivilegeEscalation: false` sets no_new_privs, which forbids an exec to gain a capability the process",
      "did not already hold. File capabilities then work only along a chain that starts at the container\u2019s first",
      "executable: the runtime must put the added set in that process\u2019s permitted set (containerd and CRI-O do;",
      "Docker 18.04\u201323.0.6 and 24.0.0\u201324.0.5 write only the bounding set for a non-root user), and every program",
      "from there on must carry the file capability itself. A shell, a script or a user switch in between breaks",
      "the chain.",
      "",
      "Vendors ship exactly this on purpose (an ingress controller as uid 101 with `drop: [ALL]`, `add:",
      "[NET_BIND_SERVICE]`; a time daemon with `SYS_TIME`): the image\u2019s binary carries the file capability and it works.",
      "From the manifest alone that cannot be seen, so the finding is `info`, asked as a question, while a chain of",
      "file capabilities is possible. It is an `error` only with evidence that the chain breaks: with",
      "`allowPrivilegeEscalation: false`, a command that starts the process through a shell, a script or a user",
      "switch, or targets that all write only the bounding set; or an image known to run without the file",
      "capability (Vault with `SKIP_SETCAP`).",
      "",
      "The user comes from `runAsUser` (container, then pod) or `runAsNonRoot: true`; when neither is set the",
      "image\u2019s USER decides and nothing is reported. To grant a capability to a non-root program, give the binary",
      "the file capability and keep privilege escalation allowed, run the step as root, or for ports below 1024 set",
      "`net.ipv4.ip_unprivileged_port_start` instead."
    ].join("\n"),
    fixable: false,
    citations: [...NON_ROOT.citations, ...RUN_AS_NON_ROOT.citations],
    example: {
      invalid: "securityContext:\n  runAsUser: 1000\n  allowPrivilegeEscalation: false\n  capabilities:\n    add: [IPC_LOCK]",
      valid: "securityContext:\n  runAsUser: 1000\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]"
    },
    tags: ["capabilities"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container, needs } = analysis;
      const user = needs.command.user;
      if (user.kind !== "non-root") continue;
      if (container.securityContext?.privileged === true) continue;
      const caps = container.securityContext?.capabilities;
      const add = typeof caps === "object" && caps !== null && Array.isArray(caps.add) ? caps.add : [];
      const noNewPrivs = container.securityContext?.allowPrivilegeEscalation === false;
      const main = needs.main;
      if (needs.command.steps.some((s) => s.switch && s.switch.user.kind === "root")) continue;
      const step = stepKey(main);
      const who = describeUser(main?.user.kind === "non-root" ? main.user : user);
      add.forEach((value, index) => {
        const name = analyzeName(value);
        if (!name.capability && !name.isAll) return;
        const capability = name.isAll ? "ALL" : name.capability?.name;
        if (main?.ambient.includes(capability)) return;
        const lost = lossOn(analysis, capability, name.isAll, main, step);
        if (lost === void 0) return;
        const { losing, losingLabels, holding, open, reachable, runtimeBlocks } = lost;
        const noFileCap = needs.needs.some((n) => n.kind === "mlock" && n.skipSetcap && capability === "IPC_LOCK");
        const first = needs.command.imageEntrypoint ? "the image\u2019s entrypoint" : `\`${needs.command.steps[0]?.program ?? ""}\``;
        let severity;
        let how;
        let howKey;
        let command;
        if (noNewPrivs && !reachable) {
          severity = "error";
          if (runtimeBlocks) {
            how = `allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and ${losingLabels.join(", ")} ${losing === 1 ? "writes" : "write"} only the bounding set for a non-root user, so no file capability can bring it back.`;
            howKey = how;
          } else {
            how = `allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and the process is started through a shell, a script or a user switch (\`${COMMAND2}\`), which carries no file capability, so nothing can bring it back.`;
            howKey = "shell";
            command = needs.command.steps[0]?.text ?? "";
          }
        } else if (noFileCap) {
          severity = "error";
          how = "SKIP_SETCAP is set, so the image\u2019s entrypoint does not give the binary the file capability that would bring it back.";
          howKey = "skip-setcap";
        } else if (!noNewPrivs) {
          severity = "info";
          how = "Does the program\u2019s binary carry it as a file capability (setcap)? Only that brings it back, and the manifest cannot show it.";
          howKey = "binary";
        } else {
          severity = "info";
          how = `Does every program from the container\u2019s first executable (${first}) on carry it as a file capability? With allowPrivilegeEscalation: false only such a chain brings it back; containerd and CRI-O put the added set in that first process\u2019s permitted set (Docker 18.04\u201323.0.6 and 24.0.0\u201324.0.5 do not).`;
          howKey = `chain ${first}`;
        }
        const related = needs.needs.filter(
          (n) => n.kind === "port" && capability === "NET_BIND_SERVICE" || n.kind === "mlock" && capability === "IPC_LOCK" || (n.kind === "command" || n.kind === "ulimit") && n.capability === capability
        );
        const needed = related.length > 0 ? ` The container needs it: ${related.map((n) => n.summary).join("; ")}.` : "";
        const advice = {
          info: "If it does not, drop the capability or run the program as root.",
          error: "Drop it, run the program as root, or start the binary directly (no shell or script in between) with the file capability, or allow privilege escalation."
        };
        const what = name.isAll ? "ALL is added" : `${quote2(value)} is added`;
        const except = (holding.length > 0 ? ` (${holding.join(", ")} ${holding.length === 1 ? "puts" : "put"} it in the ambient set too, so there the process holds it)` : "") + (open.length > 0 ? ` (not known on ${open.join(", ")}: some of those patch releases put it in the ambient set, so the process holds it there; name the patch release)` : "");
        const key = `cap-nonroot-ineffective\0${severity}\0${capability}\0${except}\0${howKey}\0${needed}`;
        const rest = sharedText(
          key,
          () => `: ${NON_ROOT.noAmbient}${except}. ${how}${needed} ${advice[severity]}` + (capability === "NET_BIND_SERVICE" ? " For a port below 1024, net.ipv4.ip_unprivileged_port_start in the pod\u2019s sysctls needs no capability at all." : "")
        );
        const around2 = command === void 0 ? void 0 : aroundCommand(rest);
        const explanation = command === void 0 || around2 === void 0 ? [`${what}, but the process runs as `, who, rest] : [`${what}, but the process runs as `, who, around2[0], command, around2[1]];
        context.report({
          path: [...container.path, "securityContext", "capabilities", "add", index],
          problem: `${name.isAll ? "ALL" : quote2(value)} added for a non-root process`,
          // Without evidence that the chain breaks this is a question: the image's binary may carry it.
          consequence: severity === "error" ? "the process does not hold it (no ambient capabilities)" : "held only if the program carries it as a file capability: does it?",
          remedy: severity === "error" ? "drop it or run as root" : "if not, drop it or run as root",
          explanation,
          severity: chooseSeverity(context.severity, "info", severity),
          ...containerBase(container)
        });
      });
    }
  }
});
var COMMAND2 = "\0command\0";
var around = /* @__PURE__ */ new Map();
var AROUND_LIMIT = 1024;
function aroundCommand(rest) {
  let known = around.get(rest);
  if (known === void 0) {
    const at = rest.indexOf(COMMAND2);
    known = at < 0 ? null : [rest.slice(0, at), rest.slice(at + COMMAND2.length)];
    if (around.size >= AROUND_LIMIT) around.clear();
    around.set(rest, known);
  }
  return known ?? void 0;
}
function stepKey(main) {
  return main === void 0 ? "" : `${isShellOrScript(main)}\0${main.startedBy !== void 0}\0${main.startedBy?.switch !== void 0}\0${main.viaImageEntrypoint}\0${main.throughShell}`;
}
var losses = /* @__PURE__ */ new WeakMap();
var LOSSES_PER_MODELS = 1024;
function lossOn(analysis, capability, isAll, main, step) {
  const deciding2 = analysis.deciding;
  let known = losses.get(deciding2);
  if (known === void 0) {
    known = /* @__PURE__ */ new Map();
    losses.set(deciding2, known);
  }
  const key = `${capability}\0${isAll}\0${step}`;
  let loss = known.get(key);
  if (loss === void 0) {
    if (known.size >= LOSSES_PER_MODELS) known.clear();
    loss = computeLoss(analysis, capability, isAll, main);
    known.set(key, loss);
  }
  return loss ?? void 0;
}
function computeLoss(analysis, capability, isAll, main) {
  const grants = (p) => p.starts && (isAll ? p.bounding.length > 0 : p.bounding.includes(capability));
  const deciding2 = analysis.deciding;
  if (!deciding2.some(grants) && !analysis.processes.some(grants)) return null;
  const held = (p) => isAll ? p.runtimeAmbient.state === "yes" && p.runtimeAmbient.capabilities.length > 0 : heldThroughAmbient(p, capability, main) === "yes";
  const losing = deciding2.filter((p) => grants(p) && !held(p));
  if (losing.length === 0) return null;
  return {
    losing: losing.length,
    losingLabels: [...new Set(losing.map((p) => p.target.label))],
    holding: deciding2.filter((p) => p.starts && held(p)).map((p) => p.target.label),
    // `crio@1.9` without a patch release: some of its releases fill the ambient set, others do not.
    open: losing.filter((p) => p.runtimeAmbient.state === "unknown" && p.runtimeAmbient.capabilities.length > 0).map((p) => p.target.id),
    reachable: losing.some((p) => fileCapabilitiesCanReach(p, main)),
    runtimeBlocks: losing.every((p) => p.boundingOnly === "all")
  };
}

// src/rules/cap-pod-level/index.ts
var STRICT_SINCE = must(POD_LEVEL_FACTS.strictSince);
var FIELD = "spec.securityContext.capabilities";
function fieldPath(owner) {
  const base = owner.object?.path ?? [];
  const inside = owner.path.slice(base.length);
  return inside.length > 0 ? formatPath(inside) : FIELD;
}
function joinVersions(versions) {
  return versions.map((v) => v.text).join(", ");
}
function fate(field, versions) {
  const strict = POD_LEVEL_FACTS.strictMessage.replace(FIELD, field);
  const refused = `kubectl ${POD_LEVEL_FACTS.kubectlStrictSince}+ refuses it with its default --validate=strict (\`${strict}\`)`;
  const warned = `other API clients get the warning \`unknown field "${field}"\` and the field is dropped`;
  if (versions.length === 0) {
    return `Depending on client and server it is dropped silently (API servers before ${POD_LEVEL_FACTS.strictSince}, fieldValidation=Ignore, clients that do not validate), dropped with the warning \`unknown field "${field}"\` (${POD_LEVEL_FACTS.strictSince}+ servers, the default for plain API clients), or refused (kubectl ${POD_LEVEL_FACTS.kubectlStrictSince}+ with its default --validate=strict against a ${POD_LEVEL_FACTS.strictSince}+ server: \`${strict}\`).`;
  }
  const old = versions.filter((v) => compareVersions(v, STRICT_SINCE) < 0);
  const current = versions.filter((v) => compareVersions(v, STRICT_SINCE) >= 0);
  const parts = [];
  if (old.length > 0) {
    parts.push(
      `On Kubernetes ${joinVersions(old)} the API server drops it without a word (server-side field validation is on by default only from ${POD_LEVEL_FACTS.strictSince}); only a client that validates the manifest itself may object.`
    );
  }
  if (current.length > 0) parts.push(`On Kubernetes ${joinVersions(current)} ${refused}; ${warned}.`);
  return parts.join(" ");
}
function containerNames(containers) {
  const label2 = {
    containers: "",
    initContainers: "init container ",
    ephemeralContainers: "ephemeral container "
  };
  const names2 = containers.map((c) => `${label2[c.group]}"${c.name ?? "?"}"`);
  return names2.length > 0 ? names2.join(", ") : "none (the pod spec lists no containers)";
}
function listed2(owner, direction) {
  const list = owner.lists.find((l) => l.direction === direction);
  if (!list || list.entries.length === 0) return void 0;
  return `${direction}: [${list.entries.map((e) => String(e.value)).join(", ")}]`;
}
var cap_pod_level_default = defineRule({
  meta: {
    id: "cap-pod-level",
    severity: "error",
    description: "Capabilities set in the pod-level securityContext, which has no such field",
    docs: [
      "Capabilities are a per-container setting: `spec.containers[*].securityContext.capabilities` (and the same in",
      "initContainers and ephemeralContainers). The pod-level `spec.securityContext` (PodSecurityContext) has no",
      "`capabilities` field, so lists written there never reach any container: an `add` grants nothing and, worse,",
      "a `drop: [ALL]` drops nothing while looking like hardening.",
      "",
      "What you see depends on the client and the API server:",
      "",
      "- API servers before 1.25 (server-side field validation off by default), `fieldValidation=Ignore`, and clients",
      "  that do not validate: the field is dropped silently.",
      "- API servers 1.25+ with plain API clients: the field is dropped with the warning",
      '  `unknown field "spec.securityContext.capabilities"`.',
      "- kubectl 1.24+ (default `--validate=strict`) against a 1.25+ server: the request is refused with",
      '  `strict decoding error: unknown field "spec.securityContext.capabilities"`.',
      "",
      "With `--target k8s@VERSION` the message says which case applies. Write the lists in the securityContext of",
      "each container that needs them; the message names the containers of the pod. `capdoctor fix` moves them:",
      "it removes the pod-level field and merges the lists into every container (init and ephemeral ones",
      "included), adding only the names a container does not list yet. Review the result: a container that",
      "does not need an added capability should not keep it."
    ].join("\n"),
    fixable: "safe",
    citations: [...POD_LEVEL_FACTS.citations],
    example: {
      invalid: [
        "spec:",
        "  securityContext:",
        "    runAsNonRoot: true",
        "    capabilities:",
        "      drop: [ALL]",
        "  containers:",
        "    - name: app",
        "      image: example/app:1"
      ].join("\n"),
      valid: [
        "spec:",
        "  securityContext:",
        "    runAsNonRoot: true",
        "  containers:",
        "    - name: app",
        "      image: example/app:1",
        "      securityContext:",
        "        capabilities:",
        "          drop: [ALL]"
      ].join("\n")
    },
    tags: ["security", "correctness"]
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "pod") continue;
      const field = fieldPath(owner);
      const add = listed2(owner, "add");
      const drop = listed2(owner, "drop");
      const lost = [add && `${add} grants nothing`, drop && `${drop} removes nothing from any container`].filter(
        Boolean
      );
      const effect = lost.length > 0 ? `: ${lost.join("; ")}` : "";
      const move = moveToContainers(owner);
      context.report({
        path: owner.path,
        problem: "capabilities in the pod-level securityContext",
        consequence: "never reach a container (no such field there)",
        remedy: "move them into each container",
        explanation: `The pod-level securityContext (PodSecurityContext) has no capabilities field. ${fate(field, versions)} Either way the lists never reach a container${effect}. Set them in the securityContext of each container that needs them: ${containerNames(owner.podSpec?.containers ?? [])}.`,
        ...reportBase(owner),
        ...move ? { fix: move } : {}
      });
    }
  }
});
function moveToContainers(owner) {
  const spec2 = owner.podSpec;
  const podContext = owner.securityContext;
  if (!spec2 || !podContext || !owner.securityContextPath) return void 0;
  const lists = {};
  for (const list of owner.lists) {
    const names3 = list.entries.map((e) => e.value).filter((v) => typeof v === "string");
    if (names3.length > 0) lists[list.direction] = names3;
  }
  const edits = [];
  edits.push({
    kind: "remove-key",
    path: Object.keys(podContext).length === 1 ? owner.securityContextPath : owner.path
  });
  for (const container of spec2.containers) {
    const context = container.value.securityContext;
    const contextPath = [...container.path, "securityContext"];
    if (context === void 0) {
      if (Object.keys(lists).length > 0)
        edits.push({ kind: "add-key", path: contextPath, value: { capabilities: lists } });
      continue;
    }
    if (!isMapping(context)) return void 0;
    const caps = context.capabilities;
    if (caps === void 0) {
      if (Object.keys(lists).length > 0)
        edits.push({ kind: "add-key", path: [...contextPath, "capabilities"], value: lists });
      continue;
    }
    if (!isMapping(caps)) return void 0;
    for (const direction of ["add", "drop"]) {
      const names3 = lists[direction];
      if (!names3) continue;
      const path = [...contextPath, "capabilities", direction];
      const existing = caps[direction];
      if (existing === void 0) {
        edits.push({ kind: "add-key", path, value: names3 });
        continue;
      }
      if (!Array.isArray(existing)) return void 0;
      const have = new Set(existing.map((v) => analyzeName(v).bare));
      const missing = names3.filter((n) => !have.has(analyzeName(n).bare));
      if (missing.length > 0) edits.push({ kind: "append-items", path, values: missing });
    }
  }
  const names2 = spec2.containers.map((c) => `"${c.name ?? "?"}"`).join(", ");
  return { description: `move the pod-level capabilities into the containers (${names2})`, edits };
}

// src/rules/cap-prefix/index.ts
function droppedByOwner(owner, canonical) {
  return owner.lists.some(
    (l) => l.direction === "drop" && l.entries.some((e) => {
      const name = analyzeName(e.value);
      return name.isAll || name.capability?.name === canonical;
    })
  );
}
var cap_prefix_default = defineRule({
  meta: {
    id: "cap-prefix",
    severity: "error",
    description: "Capability name written with the CAP_ prefix, which most runtimes do not strip",
    docs: [
      "Kubernetes stores capability names as free strings and the kubelet hands them to the runtime unchanged.",
      "The convention every current runtime follows is the bare upper-case name (`SYS_RESOURCE`), and the",
      "runtimes differ on a `CAP_` prefix:",
      "",
      "- Docker 1.11\u201318.09 prefixes again (`CAP_CAP_SYS_RESOURCE`) and the container fails to start (RunContainerError).",
      "- containerd (every version) prefixes again too. containerd 1.1\u20131.2 then refuses the container, in `add`",
      "  and in `drop` (CreateContainerError). From 1.3 on, with runc \u22651.0.0-rc94 an added name is silently not",
      "  granted, and a dropped name drops nothing: `drop: [CAP_NET_RAW]` leaves NET_RAW in the container.",
      "- Docker \u226519.03, CRI-O \u22651.0 and Podman accept the prefix.",
      "",
      "Pod Security admission and PodSecurityPolicy compare names exactly, so a prefixed name also fails their checks.",
      "The message lists, for each target, what happens. Severity is `error` when a selected target breaks (without",
      "`--target`: a runtime supported today; end-of-life ones are named as context), otherwise `warning` (the",
      "manifest is not portable, and policies compare names exactly). An added name that a runtime skips is no break",
      "where that runtime grants the capability by default and the lists do not drop it (`add: [CAP_CHOWN]` on",
      "containerd). A compose file that every current Docker and Podman accepts gets `info` and a suggestion instead",
      "of a safe fix: another tool reading the file may expect the prefix."
    ].join("\n"),
    fixable: "safe",
    citations: [
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235",
      "opencontainers/runc commit 5fb831a0f (PR #2854)",
      "kubernetes/kubernetes#33104",
      "kyverno/policies#1166",
      ...NAME_HANDLING_CITATIONS
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [CAP_SYS_RESOURCE]\n    drop: [CAP_NET_RAW]",
      valid: "securityContext:\n  capabilities:\n    add: [SYS_RESOURCE]\n    drop: [NET_RAW]"
    },
    tags: ["security", "portability"]
  },
  check(context) {
    for (const site of nameSites(context.extracted)) {
      const { name, list, owner, entry } = site;
      if (name.text === void 0 || name.prefixes === 0 || !name.capability || name.padded) continue;
      const canonical = name.capability.name;
      const verdict2 = verdictFor(
        targetsFor(context.targets, owner),
        owner,
        list.direction,
        name.text,
        name.prefixes,
        canonical
      );
      const change = replaceWith(entry.path, canonical, `replace ${quote2(name.text)} with ${canonical}`);
      context.report({
        path: entry.path,
        problem: verdict2.problem,
        ...verdict2.consequence === void 0 ? {} : { consequence: verdict2.consequence },
        explanation: verdict2.explanation,
        severity: chooseSeverity(context.severity, "error", verdict2.severity),
        ...reportBase(owner),
        targets: verdict2.targets,
        ...verdict2.quiet ? { suggestion: change } : { fix: change }
      });
    }
  }
});
var VERDICTS_LIMIT = 4096;
var verdicts = /* @__PURE__ */ new WeakMap();
function verdictFor(targets, owner, direction, text, prefixes, canonical) {
  const privileged = isPrivileged(owner);
  const policy = policyName(owner);
  const dropped = direction === "add" && !policy && droppedByOwner(owner, canonical);
  const key = `${direction}\0${privileged}\0${owner.kind}\0${dropped}\0${prefixes}\0${text}`;
  let cache = verdicts.get(targets);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    verdicts.set(targets, cache);
  }
  let verdict2 = cache.get(key);
  if (!verdict2) {
    if (cache.size >= VERDICTS_LIMIT) cache.clear();
    verdict2 = judge(targets, owner.kind, policy, privileged, dropped, direction, text, prefixes, canonical);
    cache.set(key, verdict2);
  }
  return verdict2;
}
function judge(targets, ownerKind, policy, privileged, dropped, direction, text, prefixes, canonical) {
  const written = evaluate(targets, direction, text, { privileged });
  const intended = evaluate(targets, direction, canonical, { privileged });
  const heldByDefault = (w) => direction === "add" && w.prediction.outcome === "ignored" && !policy && (w.target.engine?.defaults.includes(canonical) ?? false) && !dropped;
  const worse = written.filter((w, i) => {
    const baseline = intended[i]?.prediction.outcome;
    return baseline === "applied" && w.prediction.outcome !== "applied" && !heldByDefault(w);
  });
  const defaulted = deciding(written).filter(heldByDefault);
  const current = deciding(worse);
  const portableOnly = current.length === 0;
  const quiet = portableOnly && ownerKind === "compose";
  const severity = current.length > 0 ? severityFromOutcomes(worse, "warning") : quiet ? "info" : "warning";
  const prefix = prefixes > 1 ? "a doubled CAP_ prefix" : "the CAP_ prefix";
  const exact = policy ? ` ${policy} compares names exactly, so pods that write ${canonical} are refused and pods that copy ${quote2(text)} carry the prefix to the runtime.` : "";
  const accepted = deciding(written).filter((w) => w.prediction.outcome === "applied");
  let consequence2;
  if (current.length > 0) {
    consequence2 = describeOutcomes(written.length > 1 ? [...worse, ...accepted] : worse, direction);
  } else {
    const which = written.every((w) => w.target.matrix) ? "current runtime" : "selected target";
    const every = privileged ? `The container is privileged, so no ${which} applies the entry.` : defaulted.length > 0 ? `No ${which} breaks on it: ${labels(defaulted)} ${defaulted.length > 1 ? "skip" : "skips"} it, but ${canonical} is in the default set there.` : `Every ${which} accepts it.`;
    const legacy = legacyNote(worse, direction);
    const exactly = ownerKind === "compose" ? "" : " Pod Security admission and policy engines compare names exactly, so a policy that expects the bare name does not match it.";
    consequence2 = [every, legacy, exactly.trim()].filter(Boolean).join(" ");
  }
  return {
    problem: `${quote2(text)}: ${prefixes > 1 ? "doubled CAP_ prefix" : "CAP_ prefix"}`,
    ...worse.length > 0 ? {} : { consequence: "admission policies compare names exactly" },
    explanation: `${quote2(text)} carries ${prefix}.${exact} ${consequence2} Write ${canonical}.`,
    severity,
    targets: toTargetOutcomes(written),
    quiet
  };
}

// src/rules/cap-privileged-redundant/index.ts
var CITATIONS = [...new Set(ENGINE_RANGES.flatMap((r) => r.privileged.citations))];
function shown(list) {
  return `${list.field}: [${list.entries.map((e) => String(e.value)).join(", ")}]`;
}
function runtimeFacts(targets) {
  const ignored = /* @__PURE__ */ new Map();
  const unknown = [];
  const applied = [];
  for (const t of targets) {
    const facts = t.engine?.privileged;
    if (!facts || facts.listsIgnored === "unknown") unknown.push(targetName(t));
    else if (facts.listsIgnored) ignored.set(facts.detail, [...ignored.get(facts.detail) ?? [], targetName(t)]);
    else applied.push(targetName(t));
  }
  const clauses = [...ignored].map(([detail, labels3]) => `${detail} (${labels3.join(", ")})`);
  if (applied.length > 0) clauses.push(`${applied.join(", ")} still apply the lists`);
  if (unknown.length > 0) clauses.push(`for ${unknown.join(", ")} it is not verified whether the lists apply`);
  const sentence = clauses.join("; ");
  return `${sentence.startsWith("for ") ? `F${sentence.slice(1)}` : sentence}.`;
}
function outcomes(targets) {
  return targets.map((t) => {
    const facts = t.engine?.privileged;
    return {
      target: t.matrix ? t.label : t.id,
      outcome: !facts || facts.listsIgnored === "unknown" ? "unknown" : facts.listsIgnored ? "ignored" : "applied",
      detail: facts?.detail ?? "no container runtime in this target"
    };
  });
}
var cap_privileged_redundant_default = defineRule({
  meta: {
    id: "cap-privileged-redundant",
    severity: "warning",
    description: "privileged: true next to capability lists, which a privileged container ignores",
    docs: [
      "A privileged container gets every capability. Docker, containerd and CRI-O set it up that way and do not",
      "apply `capabilities.add` or `capabilities.drop` to it (containerd applies them and then grants everything",
      "again). So next to `privileged: true`:",
      "",
      "- `add` is redundant: the capabilities are there anyway;",
      "- `drop` removes nothing: `drop: [ALL]` or `drop: [NET_RAW]` reads like hardening, but the container keeps",
      "  every capability. This false sense of safety is the real problem.",
      "",
      "A compose service with `privileged: true` next to `cap_add`/`cap_drop` is reported the same way. Docker",
      "19.03 and later still refuse an unknown name in those lists, even for a privileged container (cap-unknown",
      "says so); the other runtimes do not look at them.",
      "",
      "For Podman the data does not say what happens to the lists, and the message says so.",
      "",
      "Decide which one you mean. Usually the lists are the better intent: remove `privileged: true` and keep",
      "`add`/`drop` as the least-privilege set (privileged also grants all devices and lifts other confinement,",
      "which capabilities cannot express). If the container truly needs to be privileged, remove the lists so the",
      "manifest does not promise a restriction that does not exist. There is no automatic fix: either change alters",
      "what the container gets."
    ].join("\n"),
    fixable: false,
    citations: CITATIONS,
    example: {
      invalid: ["securityContext:", "  privileged: true", "  capabilities:", "    drop: [ALL]"].join("\n"),
      valid: ["securityContext:", "  capabilities:", "    add: [NET_ADMIN]", "    drop: [ALL]"].join("\n")
    },
    tags: ["security", "correctness"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "container" && owner.kind !== "security-context" && owner.kind !== "compose") continue;
      if (owner.securityContext?.privileged !== true || !owner.securityContextPath) continue;
      const add = owner.lists.find((l) => l.direction === "add" && l.entries.length > 0);
      const drop = owner.lists.find((l) => l.direction === "drop" && l.entries.length > 0);
      if (!add && !drop) continue;
      const targets = targetsFor(context.targets, owner).filter((t) => !t.context);
      const effects = [];
      if (add) effects.push(`${shown(add)} is redundant`);
      if (drop) {
        effects.push(
          `${shown(drop)} removes nothing: the container keeps every capability, and the list only gives a false sense of safety`
        );
      }
      const who = owner.kind === "security-context" ? "the container" : ownerLabel(owner);
      const known = targets.some((t) => t.engine && t.engine.privileged.listsIgnored !== "unknown");
      const head = known ? `privileged: true gives ${who} every capability, so ${effects.join(", and ")}.` : `privileged: true is meant to give ${who} every capability; where it does (Docker, containerd and CRI-O ignore the lists then), ${effects.join(", and ")}.`;
      context.report({
        path: [...owner.securityContextPath, "privileged"],
        problem: `privileged: true with ${add && drop ? "add and drop lists" : add ? "an add list" : "a drop list"}`,
        consequence: drop ? `${known ? "" : "likely "}drops nothing: it keeps every capability` : "the add list is redundant",
        remedy: "remove privileged or the lists",
        explanation: `${head} ${runtimeFacts(targets)} Remove privileged: true and keep the lists as the least-privilege set, or remove the lists if the container must stay privileged.`,
        ...reportBase(owner),
        targets: outcomes(targets)
      });
    }
  }
});

// src/rules/cap-unknown/index.ts
var ID = "cap-unknown";
var DEFAULT_SEVERITY4 = "error";
function listedNames(list, except) {
  const names2 = /* @__PURE__ */ new Set();
  list.entries.forEach((entry, i) => {
    const name = analyzeName(entry.value).capability?.name;
    if (i !== except && name !== void 0) names2.add(name);
  });
  return names2;
}
function guesses(bare, list, index) {
  const all = suggestNames(bare);
  const listed3 = listedNames(list, index);
  const fresh = all.filter((name) => !listed3.has(name));
  return fresh.length > 0 ? fresh : all;
}
function byNumber(value) {
  return Number.isInteger(value) ? CAPABILITIES.find((c) => c.number === value)?.name : void 0;
}
function describeNonString(value) {
  if (value === null) return "This item is empty (null), not a capability name.";
  if (typeof value === "boolean") {
    return `${value} is a boolean, not a capability name: YAML 1.1, which Kubernetes tools use to read manifests, turns an unquoted yes, y, on or true into true (and no, n, off or false into false).`;
  }
  if (typeof value === "number") return `${value} is a number, not a capability name.`;
  if (Array.isArray(value)) return "This item is a list, not a capability name.";
  return "This item is a mapping, not a capability name.";
}
function numberNote(value, quoted) {
  const name = byNumber(value);
  const which = name ? `Capability number ${value} is ${name}, but runtimes` : "Runtimes";
  const quote3 = quoted ? "" : ` Quoting it ("${value}") would not help: it is still not a name.`;
  return `${which} behind Kubernetes look names up and do not parse numbers (only crun, run directly, does).${quote3}`;
}
function checkNonString(context, owner, path, value) {
  const parts = [describeNonString(value)];
  if (typeof value === "number") parts.push(numberNote(value, false));
  if (owner.kind === "compose") {
    parts.push("cap_add and cap_drop take capability names, written as strings.");
  } else if (value === null) {
    parts.push("What the API server stores for it (probably an empty name) has not been verified.");
  } else {
    const kind = owner.object?.ref.kind;
    parts.push(
      kind ? `A capability is a string in the Kubernetes API, so the API server refuses the whole ${kind} while decoding it ("${kind} in version \u2026 cannot be handled as a ${kind}").` : "A capability is a string in the Kubernetes API, so the API server refuses the object this ends up in while decoding it."
    );
  }
  const name = typeof value === "number" ? byNumber(value) : void 0;
  parts.push(name ? `Write ${name}.` : "Write the capability name as a quoted string, or remove the item.");
  context.report({
    path,
    problem: value === null ? "empty item (null), not a capability name" : `${JSON.stringify(value)}: a ${Array.isArray(value) ? "list" : typeof value === "object" ? "mapping" : typeof value}, not a capability name`,
    consequence: owner.kind === "compose" ? "not a name compose accepts" : value === null ? "what the API server stores is not verified" : `API server refuses the ${owner.object?.ref.kind ?? "object"}`,
    remedy: name ? `write ${name}` : "write a quoted name or remove it",
    explanation: parts.join(" "),
    severity: chooseSeverity(context.severity, DEFAULT_SEVERITY4, "error"),
    ...reportBase(owner),
    ...name ? { suggestion: replaceWith(path, name, `replace ${String(value)} with ${name}`) } : {}
  });
}
var cap_unknown_default = defineRule({
  meta: {
    id: ID,
    severity: DEFAULT_SEVERITY4,
    description: "Capability entry that is not a capability name: a typo, a number, a boolean, padding or `*`",
    docs: [
      "Kubernetes stores capability names as free strings, and only the container runtime decides what they mean.",
      "A name that is not a Linux capability, even after removing `CAP_` and upper-casing, breaks differently",
      "on each runtime:",
      "",
      "- Docker \u226519.03, CRI-O, containerd 1.1\u20131.2 and Podman refuse the container (CreateContainerError), each with",
      '  its own message, e.g. `invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES"`; Docker 1.11\u201318.09 fails',
      "  at start (RunContainerError). This holds for `drop` too: CRI-O says `failed to drop cap CAP_X invalid",
      "  capability: CAP_X`.",
      "- containerd \u22651.3 writes the name into the OCI config unchecked: runc \u22651.0.0-rc94 only logs a warning and the",
      "  container starts without the capability; older runc fails the start. An unknown name in `drop` drops nothing",
      "  on containerd \u22651.3.",
      "",
      "The rule also reports entries that are not names at all: numbers (runtimes behind Kubernetes do not parse",
      "capability numbers), booleans (YAML 1.1 reads an unquoted `yes` or `on` as `true`), empty items, names with",
      "leading or trailing spaces (no runtime trims them), and `*`, which is a wildcard only in the",
      "`allowedCapabilities` of a PodSecurityPolicy or SecurityContextConstraints. A capability is a string in the",
      "Kubernetes API, so the API server refuses an object whose list holds a number, boolean or mapping.",
      "",
      "When exactly one known name is close (`SYS_RESOURCES` \u2192 `SYS_RESOURCE`, `NET_ADMN` \u2192 `NET_ADMIN`), the",
      "finding carries a suggestion to replace it; it is not applied automatically, because it changes what the",
      "container gets. Severity is `error` when a selected target (without `--target`: a runtime supported today)",
      "refuses or ignores the entry, otherwise `warning`.",
      "",
      "Privileged first: Docker \u226418.09, containerd and CRI-O skip the lists of a privileged container, so the entry",
      "changes nothing there; Docker 19.03 and later still validate the names when the container is created",
      "(`invalid CapAdd`), privileged or not."
    ].join("\n"),
    fixable: "suggestion",
    citations: [
      "moby/moby@v19.03.0:oci/caps/utils.go L86-113",
      "moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136",
      "containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235",
      "opencontainers/runc commit 5fb831a0f (PR #2854)",
      "cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790",
      "cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1): a failed drop fails the container",
      "containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding",
      "containers/common@HEAD:pkg/capabilities/capabilities.go",
      ...PSP_FACTS.citations,
      ...NAME_HANDLING_CITATIONS,
      'kubernetes/apiserver:pkg/endpoints/handlers/rest.go ("%s in version %q cannot be handled as a %s: %v")',
      "https://www.kimullaa.com/entry/2020/02/29/111838 (an unquoted y read as true is refused while decoding)",
      'measured on Debian bookworm: crun 1.8.1 run directly accepts "14" as CAP_IPC_LOCK; runc 1.1.5 ignores it',
      "openshift/verification-tests OCP-11775 (an SCC may list KILLtest; the pod then fails on CAP_KILLtest)"
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [SYS_RESOURCES, 14]\n    drop: [" NET_RAW"]',
      valid: "securityContext:\n  capabilities:\n    add: [SYS_RESOURCE, IPC_LOCK]\n    drop: [NET_RAW]"
    },
    tags: ["correctness", "portability"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        list.entries.forEach((entry, index) => {
          const value = entry.value;
          if (typeof value !== "string") {
            checkNonString(context, owner, entry.path, value);
            return;
          }
          const policy = policyName(owner);
          if (value === "*" && policy && list.field === "allowedCapabilities") return;
          const name = analyzeName(value);
          const known = name.capability !== void 0 || name.isAll;
          if (known && !name.padded) return;
          const parts = [];
          let problem = `${quote2(value)}: not a Linux capability`;
          let replacement;
          let alternatives = [];
          if (value.trim() === "") {
            problem = value === "" ? "empty capability name" : `${quote2(value)}: only white space`;
            parts.push(
              value === "" ? "An empty string is not a capability name." : `${quote2(value)} is only white space.`
            );
          } else if (name.padded && known) {
            replacement = name.isAll ? "ALL" : name.capability?.name;
            problem = `${quote2(value)}: white space around the name`;
            parts.push(
              `${quote2(value)} has white space around the name, which no runtime trims, so it is not ${replacement} to them.`
            );
          } else if (value === "*") {
            problem = '"*": a wildcard only in policy allow-lists';
            parts.push(
              '"*" is a wildcard only in the allowedCapabilities of a PodSecurityPolicy or SecurityContextConstraints; runtimes do not know it (their word for every capability is ALL).'
            );
          } else if (/^\d+$/.test(name.bare)) {
            const number2 = Number(name.bare);
            replacement = byNumber(number2);
            problem = `${quote2(value)}: a capability number, not a name`;
            parts.push(`${quote2(value)} is a capability number, not a name. ${numberNote(number2, true)}`);
          } else {
            const shown4 = name.bare === value ? quote2(value) : `${quote2(value)} (read as ${name.bare})`;
            parts.push(`${shown4} is not a Linux capability.`);
            alternatives = guesses(name.bare, list, index);
            if (alternatives.length === 1) replacement = alternatives[0];
          }
          let targets = [];
          if (policy && list.field === "allowedCapabilities") {
            parts.push(
              `${policy} checks the names pods write against this list, so this entry only admits pods that write the same string, which runtimes refuse or ignore.`
            );
          } else {
            if (policy) {
              parts.push(
                list.direction === "add" ? `${policy} adds it to the add list of every container it admits.` : `${policy} adds it to the drop list of every container and refuses pods that do not drop it by this exact name.`
              );
            }
            targets = evaluate(targetsFor(context.targets, owner), list.direction, value, {
              privileged: isPrivileged(owner)
            });
            parts.push(describeOutcomes(targets, list.direction));
          }
          if (replacement) parts.push(`Did you mean ${replacement}?`);
          else if (alternatives.length > 1) parts.push(`Did you mean ${joinAnd(alternatives, "or")}?`);
          const computed = targets.length === 0 || breaks(targets) ? "error" : "warning";
          context.report({
            path: entry.path,
            problem,
            ...targets.length > 0 ? {} : { consequence: "admits only pods that write the same string" },
            ...replacement || alternatives.length > 1 ? { remedy: `did you mean ${replacement ?? joinAnd(alternatives, "or")}?` } : {},
            explanation: parts.join(" "),
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY4, computed),
            ...reportBase(owner),
            ...targets.length > 0 ? { targets: toTargetOutcomes(targets) } : {},
            ...replacement ? { suggestion: replaceWith(entry.path, replacement, `replace ${quote2(value)} with ${replacement}`) } : {}
          });
        });
      }
    }
  }
});

// src/rules/cap-windows/index.ts
var ENFORCED = must(WINDOWS_FACTS.enforcedSince);
function isWindows(owner) {
  const os = owner.podSpec?.value.os;
  return isMapping(os) && os.name === "windows";
}
function fieldPath2(owner) {
  const base = owner.object?.path ?? [];
  return formatPath(owner.path.slice(base.length));
}
function subject2(owner) {
  const kind = owner.object?.ref.kind;
  if (!kind || kind === "Pod") return "the pod";
  return `the ${kind} (its pod template fails validation)`;
}
var texts2 = (versions) => versions.map((v) => v.text).join(", ");
var GATE = `IdentifyPodOS: alpha and off by default in ${WINDOWS_FACTS.introduced}, beta and on by default in ${WINDOWS_FACTS.enforcedSince}, GA in 1.25`;
var cap_windows_default = defineRule({
  meta: {
    id: "cap-windows",
    severity: "error",
    description: "Capabilities set on a Windows pod (spec.os.name: windows), where the API forbids them",
    docs: [
      "Linux capabilities mean nothing to Windows containers. Once a pod declares `spec.os.name: windows`, API",
      "validation forbids `securityContext.capabilities` in every container, init container and ephemeral",
      "container: `spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod`.",
      "For a Deployment, Job, CronJob or other controller the template fails validation, so the object itself is",
      "refused.",
      "",
      "This came with the `IdentifyPodOS` feature (KEP-2802): alpha in Kubernetes 1.23 (gate off by default),",
      "beta in 1.24 (on by default), GA in 1.25. With `--target k8s@VERSION` older than 1.24 the finding is a",
      "warning: the API server does not check it there, and the lists are simply ignored.",
      "",
      "A `capabilities` block in the pod-level securityContext of a Windows pod is reported too: that field does not",
      "exist at all (see cap-pod-level), and a Windows pod could not use it anyway.",
      "",
      "Remove the `capabilities` block. If the same template also runs on Linux nodes, keep two templates (or two",
      "Helm value sets) instead of sharing one securityContext."
    ].join("\n"),
    fixable: false,
    citations: [...WINDOWS_FACTS.citations],
    example: {
      invalid: [
        "spec:",
        "  os: {name: windows}",
        "  containers:",
        "    - name: iis",
        "      image: mcr.microsoft.com/windows/servercore/iis",
        "      securityContext:",
        "        capabilities:",
        "          drop: [ALL]"
      ].join("\n"),
      valid: [
        "spec:",
        "  os: {name: windows}",
        "  containers:",
        "    - name: iis",
        "      image: mcr.microsoft.com/windows/servercore/iis"
      ].join("\n")
    },
    tags: ["correctness", "portability"]
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    const enforced = versions.filter((v) => compareVersions(v, ENFORCED) >= 0);
    const before = versions.filter((v) => compareVersions(v, ENFORCED) < 0);
    const rejects = versions.length === 0 || enforced.length > 0;
    const severity = chooseSeverity(context.severity, "error", rejects ? "error" : "warning");
    const ignoredOn = (gate) => before.length > 0 ? ` Kubernetes ${texts2(before)} does not check this by default${gate ? ` (${GATE})` : ""}; the lists are simply ignored there.` : "";
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "container" && owner.kind !== "pod" || !isWindows(owner)) continue;
      let message;
      if (owner.kind === "pod") {
        message = "spec.os.name is windows, and Windows containers have no Linux capabilities. This block also sits in the pod-level securityContext, which has no capabilities field at all, so it is never applied (see cap-pod-level). Remove it.";
      } else {
        const where2 = enforced.length > 0 ? `on Kubernetes ${texts2(enforced)}, the` : "the";
        const head = rejects ? `spec.os.name is windows: ${where2} API server rejects ${subject2(owner)} with \`${fieldPath2(owner)}: ${WINDOWS_FACTS.message}\` (from Kubernetes ${WINDOWS_FACTS.enforcedSince}; ${GATE}).` : `spec.os.name is windows, so ${ownerLabel(owner)} cannot use Linux capabilities: Windows containers have none.`;
        message = `${head}${ignoredOn(!rejects)} Remove the capabilities block of ${ownerLabel(owner)}.`;
      }
      context.report({
        path: owner.path,
        problem: "capabilities in a Windows pod (spec.os.name: windows)",
        consequence: owner.kind === "container" && rejects ? "API server rejects it" : "Windows containers have no capabilities",
        remedy: "remove the capabilities block",
        explanation: message,
        severity,
        ...reportBase(owner)
      });
    }
  }
});

// src/rules/mlock-needs-memlock/index.ts
var MEMLOCK = RLIMIT_BY_ITEM.get("memlock")?.containerHard?.short ?? "";
function elasticsearchMessage(need, ipcLockAdded, notRun) {
  const evidence = quoteEvidence(need.evidence);
  const user = need.step ? describeUser(need.step.user) : "the image\u2019s user";
  const ipc = ipcLockAdded ? "Adding IPC_LOCK does not help: Elasticsearch refuses to run as root, and a non-root process gets no capability from capabilities.add." : `IPC_LOCK cannot help: ${ELASTICSEARCH.refusesRoot}.`;
  const consequence2 = need.enforced ? `The memory-lock bootstrap check then stops the node: \`${ELASTICSEARCH.checkFailure}\`.` : `With single-node discovery the node only logs \`${ELASTICSEARCH.checkFailure}\` and runs unlocked.`;
  return `Elasticsearch is told to lock its memory: ${evidence}. Nothing in this manifest raises the memlock limit, so Elasticsearch (${user}) keeps the container runtime\u2019s limit (${MEMLOCK}), far below a JVM heap. ${ipc} ${consequence2} ${NO_ULIMIT_FIELD.text}. Either ${ELASTICSEARCH.alternative}, or raise the memlock limit of the node\u2019s container runtime (LimitMEMLOCK=infinity), or let a root entrypoint raise it with SYS_RESOURCE before it starts Elasticsearch.${notRun}`;
}
function vaultMessage(need, outcome, noNewPrivs) {
  const config = need.configVisible ? `its configuration in this input does not set ${VAULT.setting}` : `${VAULT.setting} is not set anywhere in this input (its configuration may come from elsewhere)`;
  const advice = need.user.kind === "non-root" ? `Let the entrypoint start as root (without runAsUser) so that it can give vault the file capability, or set ${VAULT.setting} = true.` : need.skipSetcap ? `Unset SKIP_SETCAP, or set ${VAULT.setting} = true.` : noNewPrivs ? `Allow privilege escalation (the file capability works only then), or set ${VAULT.setting} = true.` : `Add IPC_LOCK (the official image\u2019s entrypoint gives the binary the file capability when it starts as root), or set ${VAULT.setting} = true.`;
  return `Vault locks its memory with mlock unless ${VAULT.setting} is true, and ${config}. It needs IPC_LOCK in the process that runs vault: ${outcome}. It then stops with \`${VAULT.failure}\`. ${advice}`;
}
var mlock_needs_memlock_default = defineRule({
  meta: {
    id: "mlock-needs-memlock",
    severity: "warning",
    description: "Elasticsearch or Vault locks memory, but neither the memlock limit nor IPC_LOCK allows it",
    docs: [
      "mlockall(2) locks no more memory than RLIMIT_MEMLOCK allows unless the process holds IPC_LOCK in its effective",
      "set. A container inherits the memlock limit of the container runtime (64 KiB to 64 MiB by default), and",
      "Kubernetes has no field to change it.",
      "",
      "- **Elasticsearch** with `bootstrap.memory_lock: true` (in a mounted elasticsearch.yml, the environment or",
      "  `-E` arguments) runs as a non-root user, so IPC_LOCK never reaches it: only the memlock limit counts. When",
      "  nothing in the manifest raises it, the bootstrap check stops the node",
      "  (`memory locking requested for elasticsearch process but memory is not locked`) \u2014 an `error` unless",
      "  `discovery.type` is `single-node`. When limits.conf or `ulimit -l` raises it, pam-limits-needs-sys-resource",
      "  and ulimit-needs-sys-resource check that raise instead. ECK leaves memory_lock off: the kubelet runs without",
      "  swap by default, and Elastic\u2019s chart maintainers recommend disabling swap rather than locking memory.",
      "- **HashiCorp Vault** (`vault server`) locks memory unless `disable_mlock` is true. Its official image gives the",
      "  binary the IPC_LOCK file capability when the entrypoint starts as root, so IPC_LOCK must be granted; a",
      "  non-root `runAsUser`, `SKIP_SETCAP` or `allowPrivilegeEscalation: false` defeat that. `error` when the",
      "  configuration in the input shows mlock is on, `warning` when it may be set elsewhere."
    ].join("\n"),
    fixable: "suggestion",
    citations: [...MLOCK.citations, ...ELASTICSEARCH.citations, ...VAULT.citations, ...NO_ULIMIT_FIELD.citations],
    example: {
      invalid: 'env:\n  - name: bootstrap.memory_lock\n    value: "true"',
      valid: "# leave bootstrap.memory_lock off: the kubelet runs without swap\nenv:\n  - name: discovery.seed_hosts\n    value: es-0.es"
    },
    tags: ["reliability", "capabilities"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== "mlock") continue;
        if (need.raisedBy.length > 0) continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === "unmet");
        if (unmet.length === 0) continue;
        let severity;
        let message;
        let suggestion;
        if (need.app === "elasticsearch") {
          severity = need.enforced ? "error" : "warning";
          const notRun = states.filter((s) => s.state.state === "not-run");
          const aside = notRun.length > 0 ? ` (On ${notRun.map((s) => targetName(s.target)).join(", ")} the container does not start at all.)` : "";
          message = elasticsearchMessage(need, addsCapability(container, "IPC_LOCK"), aside);
        } else {
          severity = need.configVisible ? "error" : "warning";
          const outcome = describeStates(states, { unmet: "it does not hold it", met: "it does" });
          message = vaultMessage(need, outcome, container.securityContext?.allowPrivilegeEscalation === false);
          if (need.user.kind !== "non-root" && !addsCapability(container, "IPC_LOCK")) {
            suggestion = addCapabilities(container, ["IPC_LOCK"]);
          }
        }
        const targets = needTargets(states);
        const holds = addsCapability(container, "IPC_LOCK");
        context.report({
          path: need.at,
          problem: `${need.app === "elasticsearch" ? "Elasticsearch" : "Vault"} locks its memory (mlock)`,
          consequence: needConsequence(targets, need.app === "elasticsearch" ? "memory lock fails" : "mlock fails") ?? "mlock may fail",
          remedy: holds ? "check the IPC_LOCK entry and the memlock limit" : "add IPC_LOCK or raise the memlock limit",
          explanation: message,
          severity: chooseSeverity(context.severity, "warning", severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...suggestion ? { suggestion } : {}
        });
      }
    }
  }
});

// src/rules/pam-limits-needs-sys-resource/index.ts
function shownValue(line) {
  return limitText(line.value, line.facts.unit);
}
function raises(need) {
  const parts = need.lines.map((l) => `the hard ${l.facts.resource} to ${shownValue(l)}`);
  return [...new Set(parts)].join(" and ");
}
function raisesShort(need) {
  const resources = [...new Set(need.lines.map((l) => l.facts.resource))];
  return resources.length === 1 ? `hard ${resources[0]}` : "hard limits";
}
var pam_limits_needs_sys_resource_default = defineRule({
  meta: {
    id: "pam-limits-needs-sys-resource",
    severity: "error",
    description: "limits.conf raises a hard limit when su/runuser opens a PAM session, without SYS_RESOURCE",
    docs: [
      "When `su`, `runuser`, `sudo` or `login` opens a PAM session, pam_limits applies `/etc/security/limits.conf`",
      "and `/etc/security/limits.d/*.conf`. A `hard` (or `-`) line above the limit the container started with needs",
      "`SYS_RESOURCE`: without it setrlimit(2) fails with EPERM. The container\u2019s limits come from the node\u2019s runtime",
      "(for memlock 64 KiB to 64 MiB; Kubernetes has no ulimit field).",
      "",
      "What happens then depends on the image\u2019s PAM: upstream Linux-PAM refuses the session, so the entrypoint dies",
      "with `runuser: cannot open session: Permission denied` (or `su: \u2026`); Debian and Ubuntu patch pam_limits to only",
      "log, so the session opens and the limit silently stays low (Elasticsearch then fails its memory-lock check).",
      "",
      "The rule reads limits.conf from ConfigMaps and Secrets mounted at those paths (in the same input) or written by",
      "the command, and the session opener from the command and args (`sh -c` scripts included). It says, per target,",
      "whether the process that opens the session holds SYS_RESOURCE: a `CAP_SYS_RESOURCE` entry is silently not",
      "granted on containerd, and a pod with its own user namespace (`hostUsers: false`) cannot raise hard limits at",
      "all. Severity is `error` when the value is above the container\u2019s limit everywhere known (memlock `unlimited`),",
      "`warning` when it depends on the node.",
      "",
      "Fix: add `SYS_RESOURCE` to `capabilities.add` (spelled exactly so), or remove or lower the limits.conf line."
    ].join("\n"),
    fixable: "suggestion",
    citations: [
      ...RAISE_HARD_LIMIT.citations,
      ...PAM_LIMITS.citations,
      ...SESSION_OPENERS.runuser?.citations ?? [],
      "man7.org: limits.conf(5)"
    ],
    example: {
      invalid: [
        "containers:",
        "  - name: es",
        '    command: ["/bin/sh", "-c"]',
        '    args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]',
        "    volumeMounts:",
        "      - {name: config, mountPath: /etc/security/limits.conf, subPath: limits.conf}",
        '# ConfigMap limits.conf: "* hard memlock unlimited"'
      ].join("\n"),
      valid: [
        "containers:",
        "  - name: es",
        '    command: ["/bin/sh", "-c"]',
        '    args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]',
        "    securityContext:",
        "      capabilities:",
        "        add: [SYS_RESOURCE]"
      ].join("\n")
    },
    tags: ["reliability", "capabilities"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== "pam-limits") continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === "unmet");
        if (unmet.length === 0) continue;
        const severity = unmet.length > 0 && need.verdict === "above" ? "error" : "warning";
        const opener = need.opener.switch;
        const tool = opener?.tool ?? "the command";
        const facts = SESSION_OPENERS[tool];
        const limitsEvidence = quoteEvidence(need.lines.map((l) => l.evidence));
        const maybe = need.verdict === "maybe" ? ` That may be above the limit the container starts with, which the node decides (${need.lines[0]?.facts.containerHard?.short ?? "not known here"}).` : "";
        const outcome = describeStates(states, {
          unmet: "it does not hold SYS_RESOURCE",
          met: "it does"
        });
        const failure = facts ? ` Expect \`${facts.failure}\` where the image\u2019s pam_limits is upstream Linux-PAM; Debian and Ubuntu patch it to only log, so the session opens and the limit silently stays at the runtime\u2019s value.` : "";
        const misspelled = misspelledAdd(container, "SYS_RESOURCE");
        const advice = need.opener.user.kind === "non-root" ? ` ${tool} runs as ${describeUser(need.opener.user)} here; only root can open the session, and it needs SYS_RESOURCE granted.` : analysis.processes.some((p) => p.userNamespace) ? " No capability can raise a hard limit in a pod with its own user namespace: remove or lower the line in limits.conf, or run the pod without hostUsers: false." : misspelled ? " Write the entry as SYS_RESOURCE (see cap-prefix), or remove the line from limits.conf." : " Add SYS_RESOURCE to capabilities.add, or remove or lower the line in limits.conf.";
        const message = `When \`${need.opener.text}\` opens its PAM session, pam_limits raises ${raises(need)}: ${limitsEvidence}.${maybe} Raising a hard limit needs SYS_RESOURCE in the process that runs ${tool}: ${outcome}.${failure}${advice}`;
        const suggestion = misspelled || addsCapability(container, "SYS_RESOURCE") ? void 0 : addCapabilities(container, ["SYS_RESOURCE"]);
        const targets = needTargets(states);
        context.report({
          path: stepPath(container, need.opener.origin),
          problem: `${tool}\u2019s PAM session raises ${raisesShort(need)}`,
          consequence: needConsequence(targets, "SYS_RESOURCE not held") ?? "SYS_RESOURCE not held",
          remedy: need.opener.user.kind === "non-root" ? `run ${tool} as root with SYS_RESOURCE` : misspelled ? "write SYS_RESOURCE (no CAP_)" : "add SYS_RESOURCE or lower limits.conf",
          explanation: message,
          severity: chooseSeverity(context.severity, "error", severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...suggestion ? { suggestion } : {}
        });
      }
    }
  }
});

// src/rules/privileged-overreach/index.ts
function requirement(need, userNamespace) {
  switch (need.kind) {
    case "pam-limits":
    case "ulimit":
      return userNamespace ? { capabilities: [], privileged: true } : { capabilities: ["SYS_RESOURCE"] };
    case "mlock":
      if (need.app === "vault" && need.user.kind !== "non-root") return { capabilities: ["IPC_LOCK"] };
      return void 0;
    case "sysctl":
      if (need.namespace && need.safe && need.value !== void 0) return { capabilities: [], podSysctl: need.key };
      return { capabilities: [], privileged: true };
    case "command":
      if (need.facts.notEnough) return { capabilities: [need.capability], privileged: true };
      return { capabilities: [need.capability] };
    case "switch":
      return { capabilities: [...need.capabilities] };
    case "port":
      return need.user.kind === "non-root" ? void 0 : { capabilities: [need.capability] };
  }
}
function withoutPrivileged(container) {
  const securityContext = { ...container.securityContext ?? {}, privileged: false };
  return { ...container, securityContext };
}
var privileged_overreach_default = defineRule({
  meta: {
    id: "privileged-overreach",
    severity: "warning",
    description: "`privileged: true` where the evidence needs only a few named capabilities",
    docs: [
      "`privileged: true` gives a container every capability, access to all host devices, a writable /proc/sys and",
      "/sys, and no seccomp or AppArmor confinement. It is often the \u201Cfix\u201D that made a failing pod start \u2014 the",
      "incident this tool exists for was \u201Csolved\u201D that way after `CAP_SYS_RESOURCE` had silently done nothing.",
      "",
      "When the evidence in the manifest (limits.conf with a PAM session opener, `ulimit`, commands such as",
      "`iptables` or `chown`, user switches, safe sysctls) names what the container needs, and nothing in it needs",
      "privileged itself, the rule suggests exactly that set: the capabilities the container would not hold anyway",
      "on every selected target once `privileged` is gone (its drop list then applies again), and",
      "`securityContext.sysctls` for namespaced, safe kernel parameters.",
      "",
      "It stays silent when there is no evidence (it cannot tell what privileged is for), and when the evidence",
      "needs privileged: node-wide sysctls such as `vm.max_map_count` (the Elasticsearch charts\u2019 init container),",
      "`mount`, or raising limits in a pod with its own user namespace."
    ].join("\n"),
    fixable: "suggestion",
    citations: [...PRIVILEGED.citations, ...POD_SYSCTLS_FACTS.citations],
    example: {
      invalid: 'args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]\nsecurityContext:\n  privileged: true  # limits.conf raises memlock',
      valid: 'args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]\nsecurityContext:\n  capabilities:\n    add: [SYS_RESOURCE]'
    },
    tags: ["security", "least-privilege"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      if (container.securityContext?.privileged !== true) continue;
      const needs = analysis.needs.needs;
      if (needs.length === 0) continue;
      const userNamespace = container.podSpec.value.hostUsers === false;
      const requirements = needs.map((n) => ({ need: n, requirement: requirement(n, userNamespace) }));
      if (requirements.some((r) => r.requirement?.privileged)) continue;
      const counted = requirements.filter((r) => r.requirement !== void 0);
      if (counted.length === 0) continue;
      const needed = new Set(counted.flatMap((r) => r.requirement?.capabilities ?? []));
      const sysctls = counted.map((r) => r.requirement?.podSysctl).filter((s) => s !== void 0);
      const plain = withoutPrivileged(container);
      const held = context.targets.map((t) => processOnTarget(plain, t)).filter((p) => p.target.engine);
      const always = [...needed].filter((c) => held.length > 0 && held.every((p) => p.bounding.includes(c)));
      const toAdd = sorted2([...needed].filter((c) => !always.includes(c)));
      const evidence = uniqueEvidence(counted.flatMap((r) => r.need.evidence));
      const reasons = [...new Set(counted.map((r) => r.need.summary))];
      const parts = [];
      if (toAdd.length > 0) parts.push(`add ${joinAnd(sorted2(toAdd))} to capabilities.add`);
      if (sysctls.length > 0) {
        parts.push(`set ${joinAnd(sysctls)} in the pod\u2019s ${POD_SYSCTLS_FACTS.field} instead of writing it`);
      }
      const wanted = [...sorted2(toAdd), ...sysctls.map((s) => `the sysctl ${s}`)];
      const defaults = always.length > 0 ? `${wanted.length > 0 ? ", plus " : ""}${joinAnd(sorted2(always))}, which the runtime grants by default on every selected target` : "";
      const instead2 = parts.length > 0 ? `Remove privileged and ${joinAnd(parts)}.` : "Remove privileged: the runtime\u2019s defaults cover it.";
      const message = `privileged: true gives this container ${PRIVILEGED.grants}, but the evidence needs only ${joinAnd(wanted) || "what the defaults give"}${defaults}: ${reasons.join("; ")}. ${instead2} Evidence: ${quoteEvidence(evidence)}.`;
      const privilegedPath = [...container.path, "securityContext", "privileged"];
      const edits = [{ kind: "remove-key", path: privilegedPath }];
      const add = addCapabilities(container, toAdd);
      if (add) edits.push(...add.edits);
      const suggestion = {
        description: `remove privileged${toAdd.length > 0 ? ` and add ${joinAnd(toAdd)} to capabilities.add` : ""}`,
        edits: sysctls.length > 0 ? [] : edits
      };
      context.report({
        path: privilegedPath,
        problem: "privileged: true",
        consequence: `the evidence needs only ${clip(joinAnd(wanted) || "the runtime\u2019s defaults", 60)}`,
        remedy: toAdd.length > 0 ? `remove privileged, add ${clip(joinAnd(toAdd), 40)}${sysctls.length > 0 ? ", set the sysctls" : ""}` : sysctls.length > 0 ? "remove privileged and set the sysctls in the pod" : "remove privileged",
        explanation: message,
        severity: chooseSeverity(context.severity, "warning", "warning"),
        ...containerBase(container),
        evidence,
        suggestion
      });
    }
  }
});
function sorted2(set) {
  return [...set].sort();
}

// src/rules/pss-baseline/index.ts
var ALLOWED_LIST = [...PSS_BASELINE_ALLOWED_ADD].sort().join(", ");
function shown2(value) {
  return JSON.stringify(typeof value === "string" ? value : value ?? null);
}
function psaDetail(value) {
  return [
    "Pod Security baseline: non-default capabilities (container ",
    ` must not include ${shown2(value)} in securityContext.capabilities.add).`
  ];
}
var pss_baseline_default = defineRule({
  meta: {
    id: "pss-baseline",
    severity: "warning",
    description: "Added capability that Pod Security baseline refuses because of its spelling (or at all, with --pss)",
    docs: [
      "By default this rule reports only what no policy engine tells you: an entry that baseline refuses **because of",
      "its spelling** (`CAP_CHOWN`, `chown`), although the capability itself is allowed. An entry above baseline in any",
      "spelling (`NET_ADMIN`, `SYS_ADMIN`) is a policy question that node agents answer by running in a namespace",
      "labelled for the privileged level; it is reported only when a level is selected: `--pss baseline` or",
      "`--pss restricted` on the command line, `pss: baseline` in `.capdoctor.yaml`, or `pss` in the library options.",
      "",
      "The Pod Security Standards **baseline** level (Pod Security admission, Kubernetes 1.22+; beta and on by default",
      "in 1.23, stable in 1.25) lets a container add only these capabilities, compared as exact, case-sensitive strings:",
      "",
      `\`${ALLOWED_LIST.split(", ").join("`, `")}\`.`,
      "",
      "The check is the same at every policy version, covers containers, initContainers and ephemeralContainers, and",
      "ignores `drop`. Because it compares text, `CAP_CHOWN`, `chown` and `Chown` are refused although `CHOWN` is",
      "allowed: for those the message says the spelling is the only problem, and the safe fix writes the canonical name.",
      "",
      "`NET_RAW` surprises people: Docker and containerd grant it by default (so do CRI-O before 1.18 and Podman",
      "before 4.4), but baseline does not allow listing it in `add`.",
      "",
      "Admission enforces on Pods. For a Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet,",
      "ReplicationController or PodTemplate it only warns and audits, and the Pods the controller creates are refused",
      "where baseline is enforced. Only real pod specs are checked (not Helm values, PodSecurityPolicy or compose).",
      "",
      "Write the canonical name of an allowed capability, or remove the capability, or run the workload in a namespace",
      "labelled for the privileged level if it really needs more."
    ].join("\n"),
    fixable: "safe",
    citations: [
      ...PSS_FACTS.baseline.citations,
      "kubernetes/pod-security-admission:policy/visitor.go (containers, initContainers, ephemeralContainers)",
      "kubernetes/pod-security-admission:admission/admission.go (defaultPodSpecResources, ValidatePodController)",
      "moby/moby@v20.10.0:oci/caps/defaults.go",
      "containerd/containerd@v2.0.0:pkg/oci/spec.go defaultUnixCaps",
      "cri-o/cri-o commit 63b9f4ec98 (PR #3119: NET_RAW leaves the default set in 1.18)",
      "containers/common commit a3328f26 (v0.51.0: minimal default set without NET_RAW)",
      PSS_FACTS.docs
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [CAP_CHOWN, SYS_ADMIN]",
      valid: "securityContext:\n  capabilities:\n    add: [CHOWN]"
    },
    tags: ["security", "pod-security"]
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (owner.kind !== "container") continue;
      const scope = admissionScope(owner.object?.ref.kind, "baseline");
      for (const list of owner.lists) {
        if (list.direction !== "add") continue;
        for (const entry of list.entries) {
          if (typeof entry.value === "string" && PSS_BASELINE_ALLOWED_ADD.has(entry.value)) continue;
          const name = analyzeName(entry.value);
          if (!name.capability && !name.isAll) continue;
          const container = JSON.stringify(owner.container?.name ?? "");
          const base = { path: entry.path, severity: context.severity, ...reportBase(owner) };
          const allowed = name.capability && PSS_BASELINE_ALLOWED_ADD.has(name.capability.name);
          if (name.text !== void 0 && name.capability && allowed) {
            const canonical = name.capability.name;
            context.report({
              ...base,
              problem: `${shown2(name.text)}: spelling refused by Pod Security baseline`,
              consequence: `${canonical} itself is allowed`,
              // The container's name is the only part that differs between entries written alike.
              explanation: [
                sharedText(`pss-baseline\0spelling\0${name.text}\0${canonical}`, () => {
                  const [before] = psaDetail(entry.value);
                  return `${shown2(name.text)} is refused by baseline only because of its spelling: PSA compares exactly; ${canonical} itself is allowed. ${before}`;
                }),
                container,
                sharedText(`pss-baseline\0spelling after\0${name.text}\0${canonical}\0${scope}`, () => {
                  const [, after] = psaDetail(entry.value);
                  return `${after}${scope} Write ${canonical}.`;
                })
              ],
              fix: replaceWith(entry.path, canonical, `replace ${shown2(name.text)} with ${canonical}`)
            });
            continue;
          }
          if (!context.pss) continue;
          let what;
          if (name.capability && name.text !== name.capability.name) {
            what = `${shown2(name.text)} (${name.capability.name}, refused in any spelling)`;
          } else if (name.isAll && name.text !== "ALL") what = `${shown2(name.text)} (ALL, refused in any spelling)`;
          else what = shown2(name.text);
          let why = "";
          if (name.capability?.name === "NET_RAW") {
            why = " NET_RAW is in the default set of Docker and containerd (and of CRI-O before 1.18 and Podman before 4.4), so containers there usually have it without asking, but baseline does not allow adding it.";
          } else if (name.isAll) {
            why = " Adding ALL asks for every capability.";
          }
          context.report({
            ...base,
            problem: `${shown2(name.text)}: not allowed by Pod Security baseline`,
            consequence: "refused where baseline is enforced",
            remedy: "remove it or use a privileged namespace",
            explanation: `${what} is not in the baseline allow-list (${ALLOWED_LIST}).${why} ${psaDetail(entry.value).join(container)}${scope}`
          });
        }
      }
    }
  }
});

// src/rules/pss-restricted/index.ts
var ALL = "ALL";
var NET_BIND_SERVICE = "NET_BIND_SERVICE";
function shown3(value) {
  return JSON.stringify(typeof value === "string" ? value : value ?? null);
}
function isWindows2(spec2) {
  const os = spec2.value.os;
  return isMapping(os) && os.name === "windows";
}
var dropDetail = (name) => `Pod Security restricted: unrestricted capabilities (container ${JSON.stringify(name)} must set securityContext.capabilities.drop=["ALL"]).`;
var addDetail = (name, value) => `Pod Security restricted: unrestricted capabilities (container ${JSON.stringify(name)} must not include ${shown3(value)} in securityContext.capabilities.add).`;
function missingDrop(container) {
  const named = container.value.name !== void 0 ? [...container.path, "name"] : container.path;
  const contextPath = [...container.path, "securityContext"];
  if (!("securityContext" in container.value)) {
    const edit3 = { kind: "add-key", path: contextPath, value: { capabilities: { drop: [ALL] } } };
    return { path: named, why: "it has no securityContext", edit: edit3 };
  }
  const context = container.value.securityContext;
  if (!isMapping(context) || !("capabilities" in context)) {
    const why = "its securityContext sets no capabilities";
    const path = [...contextPath, "capabilities"];
    return isMapping(context) ? { path, why, edit: { kind: "add-key", path, value: { drop: [ALL] } } } : { path, why };
  }
  const capsPath = [...contextPath, "capabilities"];
  const caps = context.capabilities;
  const dropPath = [...capsPath, "drop"];
  if (!isMapping(caps) || !("drop" in caps)) {
    const why = "capabilities has no drop list";
    return isMapping(caps) ? { path: dropPath, why, edit: { kind: "add-key", path: dropPath, value: [ALL] } } : { path: dropPath, why };
  }
  const drop = caps.drop;
  if (!Array.isArray(drop)) return { path: dropPath, why: "drop is not a list" };
  const edit2 = { kind: "append-items", path: dropPath, values: [ALL] };
  if (drop.length === 0) return { path: dropPath, why: "its drop list is empty", edit: edit2 };
  return { path: dropPath, why: `its drop list (${drop.map(shown3).join(", ")}) does not contain ALL`, edit: edit2 };
}
var pss_restricted_default = defineRule({
  meta: {
    id: "pss-restricted",
    severity: "info",
    description: "Container that Pod Security restricted refuses: drop must hold ALL, add only NET_BIND_SERVICE",
    docs: [
      "The Pod Security Standards **restricted** level (Pod Security admission, Kubernetes 1.22+) requires every",
      "container, initContainer and ephemeralContainer to list the exact string `ALL` in",
      "`securityContext.capabilities.drop`, and allows `add` to hold only the exact string `NET_BIND_SERVICE`.",
      "Names are compared as text: `drop: [all]` or `[CAP_ALL]` counts as not dropping ALL, and `net_bind_service` or",
      "`CAP_NET_BIND_SERVICE` in `add` is refused. For those the message says the spelling is the only problem.",
      "A container without a securityContext or without capabilities also fails.",
      "",
      "From policy version v1.25, pods with `spec.os.name: windows` are exempt; policy versions v1.22\u2013v1.24 check them",
      "too (the policy version comes from the namespace label `pod-security.kubernetes.io/<mode>-version`, default",
      "`latest`). The rule skips Windows pods unless a `k8s@` target older than 1.25 is given.",
      "",
      "Admission enforces on Pods; for Deployments and other workload templates it only warns and audits, and the",
      "Pods are refused where restricted is enforced. Restricted is opt-in for most namespaces, so the default severity",
      "is `info`.",
      "",
      "Write `drop: [ALL]` and add back only `NET_BIND_SERVICE` if the container binds a port below 1024.",
      "Suggestions (applied only with `--unsafe`) replace a mis-spelled ALL or NET_BIND_SERVICE and remove other added",
      "capabilities; a missing drop list has no automatic edit."
    ].join("\n"),
    fixable: "suggestion",
    optIn: true,
    pssLevel: "restricted",
    citations: [
      ...PSS_FACTS.restricted.citations,
      "kubernetes/pod-security-admission:policy/visitor.go (containers, initContainers, ephemeralContainers)",
      "kubernetes/pod-security-admission:admission/admission.go (defaultPodSpecResources, ValidatePodController)",
      "kubernetes/pod-security-admission commit 62a5474 (Windows pods exempt from policy v1.25)",
      PSS_FACTS.docs
    ],
    example: {
      invalid: "securityContext:\n  capabilities:\n    add: [SYS_ADMIN]\n    drop: [all]",
      valid: "securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n    drop: [ALL]"
    },
    tags: ["security", "pod-security"]
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    const oldPolicy = versions.find((v) => compareVersions(v, must(PSS_FACTS.restricted.windowsExemptSince)) < 0);
    for (const spec2 of context.extracted.podSpecs) {
      const windows = isWindows2(spec2);
      if (windows && !oldPolicy) continue;
      const scope = admissionScope(spec2.object?.ref.kind, "restricted");
      const note = windows ? ` This is a Windows pod: policy versions before v${PSS_FACTS.restricted.windowsExemptSince} (Kubernetes ${oldPolicy?.text} by the target) still check it; from v${PSS_FACTS.restricted.windowsExemptSince} it is exempt.` : "";
      for (const container of spec2.containers) {
        const name = container.name ?? "";
        const label2 = container.name !== void 0 ? `Container ${JSON.stringify(name)}` : `The unnamed container ${container.group}[${container.path[container.path.length - 1]}]`;
        const base = {
          severity: context.severity
        };
        if (spec2.object) base.object = spec2.object.ref;
        if (container.name !== void 0) base.container = container.name;
        const caps = isMapping(container.securityContext?.capabilities) ? container.securityContext.capabilities : void 0;
        const capsPath = [...container.path, "securityContext", "capabilities"];
        const drop = caps?.drop;
        const dropsAll = Array.isArray(drop) && drop.includes(ALL);
        if (!dropsAll) {
          const variantIndex = Array.isArray(drop) ? drop.findIndex((v) => typeof v === "string" && analyzeName(v).isAll) : -1;
          const variant = Array.isArray(drop) ? drop[variantIndex] : void 0;
          if (variant !== void 0) {
            const path = [...capsPath, "drop", variantIndex];
            context.report({
              ...base,
              path,
              problem: `${shown3(variant)}: not the exact ALL Pod Security restricted needs`,
              consequence: "refused where restricted is enforced",
              remedy: "write ALL",
              explanation: `${shown3(variant)} does not satisfy restricted: restricted requires the exact string ALL; ${shown3(variant)} is treated as not dropping all. ${dropDetail(name)}${scope}${note}`,
              suggestion: replaceWith(path, ALL, `replace ${shown3(variant)} with ALL`)
            });
          } else {
            const { path, why, edit: edit2 } = missingDrop(container);
            context.report({
              ...base,
              path,
              problem: `${label2.replace(/^Container/, "container").replace(/^The/, "the")} does not drop ALL`,
              consequence: "refused where Pod Security restricted is enforced",
              remedy: "add ALL to capabilities.drop",
              explanation: `${label2} does not drop ALL capabilities: ${why}, and restricted requires securityContext.capabilities.drop to contain ALL. ${dropDetail(name)}${scope}${note}`,
              // Dropping ALL removes what the container may rely on: a suggestion, never applied silently.
              ...edit2 ? { suggestion: { description: `drop ALL in container ${JSON.stringify(name)}`, edits: [edit2] } } : {}
            });
          }
        }
        const add = caps?.add;
        if (!Array.isArray(add)) continue;
        add.forEach((value, index) => {
          if (typeof value === "string" && PSS_RESTRICTED_ALLOWED_ADD.has(value)) return;
          const path = [...capsPath, "add", index];
          const parsed = analyzeName(value);
          if (parsed.text !== void 0 && parsed.capability?.name === NET_BIND_SERVICE) {
            context.report({
              ...base,
              path,
              problem: `${shown3(value)}: spelling refused by Pod Security restricted`,
              consequence: "PSA allows adding only the exact NET_BIND_SERVICE",
              remedy: "write NET_BIND_SERVICE",
              explanation: `${shown3(value)} is refused by restricted only because of its spelling: PSA compares exactly and allows adding only the exact string NET_BIND_SERVICE. ${addDetail(name, value)}${scope}${note}`,
              suggestion: replaceWith(path, NET_BIND_SERVICE, `replace ${shown3(value)} with NET_BIND_SERVICE`)
            });
            return;
          }
          const canonical = parsed.capability?.name ?? (parsed.isAll ? ALL : void 0);
          const what = canonical !== void 0 && canonical !== value ? `${shown3(value)} (${canonical})` : shown3(value);
          context.report({
            ...base,
            path,
            problem: `${shown3(value)}: not allowed by Pod Security restricted (only NET_BIND_SERVICE is)`,
            consequence: "refused where restricted is enforced",
            remedy: "remove it",
            explanation: `${what}: restricted allows adding only NET_BIND_SERVICE. ${addDetail(name, value)}${scope}${note}`
          });
        });
      }
    }
  }
});

// src/rules/sysctl-needs-privilege/index.ts
function instead(need, versions) {
  if (need.key === "(keys from a file)") {
    return `\`${need.step.text}\` loads keys from a file the manifest does not show: set namespaced, safe keys in the pod\u2019s ${POD_SYSCTLS_FACTS.field}, and node-wide ones with ${PROC_SYS_FACTS.initContainerPattern}.`;
  }
  if (!need.namespace) {
    return `${need.key} is not namespaced: it is node-wide, so no pod field can set it. Use ${PROC_SYS_FACTS.initContainerPattern}.`;
  }
  const safe = need.safe;
  const oldest = versions[0];
  if (safe && (oldest === void 0 || isSafeOn(safe, oldest))) {
    const on = oldest === void 0 ? `since Kubernetes ${safe.since}` : `on Kubernetes ${versions.map((v) => v.text).join(", ")} (since ${safe.since})`;
    const kernel = safe.kernel ? ` (the node needs Linux ${safe.kernel} or later)` : "";
    return `${need.key} is namespaced and in the kubelet\u2019s safe set ${on}${kernel}: set it in the pod\u2019s ${POD_SYSCTLS_FACTS.field} instead.`;
  }
  const when = safe ? ` until Kubernetes ${safe.since}` : "";
  return `${need.key} is namespaced (${need.namespace}) but not in the kubelet\u2019s safe set${when}: ${POD_SYSCTLS_FACTS.field} works only where the kubelet allows it with ${POD_SYSCTLS_FACTS.unsafeOptIn} (otherwise the pod fails with ${POD_SYSCTLS_FACTS.rejection}); or use ${PROC_SYS_FACTS.initContainerPattern}.`;
}
function podSysctl2(analysis, need, versions) {
  if (!need.namespace || !need.safe || need.value === void 0) return void 0;
  const oldest = versions[0];
  if (oldest !== void 0 && !isSafeOn(need.safe, oldest)) return void 0;
  const pod = analysis.container.podSpec;
  const contextPath = [...pod.path, "securityContext"];
  const entry = { name: need.key, value: need.value };
  const context = pod.value.securityContext;
  if (!("securityContext" in pod.value)) {
    return {
      description: `set ${need.key}=${need.value} in the pod\u2019s securityContext.sysctls`,
      edits: [{ kind: "add-key", path: contextPath, value: { sysctls: [entry] } }]
    };
  }
  if (!isMapping(context) || "sysctls" in context) return void 0;
  return {
    description: `set ${need.key}=${need.value} in the pod\u2019s securityContext.sysctls`,
    edits: [{ kind: "add-key", path: [...contextPath, "sysctls"], value: [entry] }]
  };
}
var sysctl_needs_privilege_default = defineRule({
  meta: {
    id: "sysctl-needs-privilege",
    severity: "error",
    description: "`sysctl -w` or a write to /proc/sys in a container that is not privileged fails",
    docs: [
      "Container runtimes mount `/proc/sys` read-only in a container that is not privileged, so `sysctl -w key=value`",
      'or `echo \u2026 > /proc/sys/\u2026` in the command fails with "Read-only file system" whatever capabilities are added.',
      "What to write instead depends on the key:",
      "",
      "- **namespaced and safe** (the kubelet\u2019s safe set grows by release: `net.ipv4.ip_unprivileged_port_start` from",
      "  1.22, `net.ipv4.ip_local_reserved_ports` from 1.27, the TCP keepalive keys from 1.29, `tcp_rmem`/`tcp_wmem`",
      "  from 1.32): set it in the pod\u2019s `securityContext.sysctls`; the rule suggests the entry;",
      "- **namespaced but unsafe** (`net.core.somaxconn`, `kernel.shm*`, \u2026): `securityContext.sysctls` works only on",
      "  nodes whose kubelet allows it with `--allowed-unsafe-sysctls`;",
      "- **node-wide** (`vm.max_map_count`, `fs.file-max`, most `kernel.*`): no pod field can set it; use a privileged",
      "  init container that runs `sysctl -w` as root (the Elasticsearch chart\u2019s pattern) or set it on the node.",
      "",
      "A privileged container running as root can write them; a privileged container with a non-root user, or a pod",
      "with its own user namespace writing a node-wide key, still fails. Name the Kubernetes version with",
      "`--target k8s@1.27,\u2026` to get the safe set of that release."
    ].join("\n"),
    fixable: "suggestion",
    citations: [
      ...PROC_SYS_FACTS.citations,
      ...PROC_SYS_FACTS.patternCitations,
      ...POD_SYSCTLS_FACTS.citations,
      ...NAMESPACE_FACTS.citations,
      ...[...new Set(SAFE_SYSCTLS.flatMap((s) => s.citations))]
    ],
    example: {
      invalid: 'initContainers:\n  - name: sysctl\n    image: busybox\n    command: ["sysctl", "-w", "vm.max_map_count=262144"]',
      valid: 'initContainers:\n  - name: sysctl\n    image: busybox\n    command: ["sysctl", "-w", "vm.max_map_count=262144"]\n    securityContext:\n      privileged: true\n      runAsUser: 0'
    },
    tags: ["reliability"]
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== "sysctl") continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === "unmet");
        if (unmet.length === 0) continue;
        const severity = need.step.viaImageEntrypoint ? "warning" : "error";
        const outcome = describeStates(states, { unmet: "the write fails", met: "it works" });
        const entrypoint = need.step.viaImageEntrypoint ? " (These args go to the image\u2019s entrypoint; whether it runs them as a command is not known.)" : "";
        const message = `\`${need.step.text}\` (${need.step.origin.field}[${need.step.origin.index}]) writes ${need.key === "(keys from a file)" ? "kernel parameters" : need.key}: ${outcome}. ${instead(need, versions)}${entrypoint}`;
        const suggestion = podSysctl2(analysis, need, versions);
        const targets = needTargets(states);
        const key = need.key === "(keys from a file)" ? "kernel parameters" : need.key;
        context.report({
          path: stepPath(container, need.step.origin),
          problem: `\`${clip(need.step.text, 50)}\` writes ${key}`,
          consequence: needConsequence(targets, "the write fails") ?? "the write fails",
          remedy: suggestion ? `set ${key} in the pod\u2019s securityContext.sysctls` : "set it on the node instead",
          explanation: message,
          severity: chooseSeverity(context.severity, "error", severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...suggestion ? { suggestion } : {}
        });
      }
    }
  }
});

// src/rules/ulimit-needs-sys-resource/index.ts
function shownValue2(need) {
  return limitText(need.value, need.facts.unit);
}
var ulimit_needs_sys_resource_default = defineRule({
  meta: {
    id: "ulimit-needs-sys-resource",
    severity: "error",
    description: "`ulimit` in the command raises a hard limit, which needs SYS_RESOURCE the process lacks",
    docs: [
      "Without `-S`, the shell builtin `ulimit` sets the soft and the hard limit together (`ulimit -l unlimited`,",
      "`ulimit -n 1048576`), and `ulimit -H \u2026` sets the hard one. Raising a hard limit above the one the container",
      "started with needs `SYS_RESOURCE` in the initial user namespace; without it the shell prints",
      "`ulimit: max locked memory: cannot modify limit: Operation not permitted` (bash) or",
      "`ulimit: error setting limit (Operation not permitted)` (dash), and a script with `set -e` stops there.",
      "",
      "The rule reads `ulimit` in the container\u2019s command and args (`sh -c` scripts included) and says, per target,",
      "whether the shell holds SYS_RESOURCE: root needs it granted (spelled exactly `SYS_RESOURCE`; containerd",
      "silently drops `CAP_SYS_RESOURCE`); a non-root shell never has it, whatever `capabilities.add` says; a pod",
      "with its own user namespace cannot raise hard limits at all.",
      "",
      "Kubernetes has no ulimit field: either add SYS_RESOURCE for a root entrypoint that raises the limit and then",
      "drops to its user, or raise the limit in the node\u2019s container runtime."
    ].join("\n"),
    fixable: "suggestion",
    citations: [...RAISE_HARD_LIMIT.citations, ...ULIMIT_FACTS.citations, ...NO_ULIMIT_FIELD.citations],
    example: {
      invalid: 'command: ["sh", "-c", "ulimit -l unlimited && exec su-exec app /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]',
      valid: 'command: ["sh", "-c", "ulimit -l unlimited && exec su-exec app /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [SYS_RESOURCE, SETUID, SETGID]'
    },
    tags: ["reliability", "capabilities"]
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== "ulimit") continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === "unmet");
        if (unmet.length === 0) continue;
        let severity = unmet.length > 0 && need.verdict === "above" ? "error" : "warning";
        if (need.step.viaImageEntrypoint) severity = "warning";
        const outcome = describeStates(states, { unmet: "the shell does not hold SYS_RESOURCE", met: "it does" });
        const start = need.verdict === "above" ? `above the limit a container starts with (${need.facts.containerHard?.short ?? "set by the runtime"})` : `possibly above the limit the container starts with, which the node decides (${need.facts.containerHard?.short ?? ""})`;
        const nonRoot = need.step.user.kind === "non-root";
        const misspelled = misspelledAdd(container, "SYS_RESOURCE");
        const advice = nonRoot ? ` ${NO_ULIMIT_FIELD.text}: raise it on the node, or run this step as root with SYS_RESOURCE before switching user.` : analysis.processes.some((p) => p.userNamespace) ? " No capability can raise a hard limit in a pod with its own user namespace: raise it on the node instead." : misspelled ? " Write the entry as SYS_RESOURCE (see cap-prefix)." : " Add SYS_RESOURCE to capabilities.add, or raise the limit on the node instead.";
        const entrypoint = need.step.viaImageEntrypoint ? " (These args go to the image\u2019s entrypoint; whether it runs them as a command is not known.)" : "";
        const message = `\`${need.step.text}\` (${need.step.origin.field}[${need.step.origin.index}]) sets the hard ${need.facts.resource} to ${shownValue2(need)}, ${start}. Raising a hard limit needs SYS_RESOURCE: ${outcome}. Expect \`${ULIMIT_FACTS.failure.bash.replace("{label}", need.facts.label)}\` (bash) or \`${ULIMIT_FACTS.failure.dash}\` (dash).${advice}${entrypoint}`;
        const suggestion = nonRoot || addsCapability(container, "SYS_RESOURCE") ? void 0 : addCapabilities(container, ["SYS_RESOURCE"]);
        const targets = needTargets(states);
        context.report({
          path: stepPath(container, need.step.origin),
          problem: `\`${clip(need.step.text, 50)}\` raises the hard ${need.facts.resource}`,
          consequence: needConsequence(targets, "fails without SYS_RESOURCE") ?? "it may fail",
          remedy: nonRoot ? "raise it on the node or as root" : misspelled ? "write SYS_RESOURCE (no CAP_)" : "add SYS_RESOURCE or raise it on the node",
          explanation: message,
          severity: chooseSeverity(context.severity, "error", severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...suggestion ? { suggestion } : {}
        });
      }
    }
  }
});

// src/rules/index.ts
var RULES = [
  cap_add_drop_conflict_default,
  cap_all_default,
  cap_case_default,
  cap_dangerous_default,
  cap_duplicate_default,
  cap_escalation_conflict_default,
  cap_kernel_default,
  cap_pod_level_default,
  cap_prefix_default,
  cap_privileged_redundant_default,
  cap_unknown_default,
  cap_windows_default,
  pam_limits_needs_sys_resource_default,
  cap_missing_default,
  cap_nonroot_ineffective_default,
  mlock_needs_memlock_default,
  privileged_overreach_default,
  sysctl_needs_privilege_default,
  ulimit_needs_sys_resource_default,
  pss_baseline_default,
  pss_restricted_default
  // Code-point order (ids are [a-z0-9-], where it equals locale order): no ICU collator at start-up.
].sort((a, b) => a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0);
var PARSE_ERROR_META = {
  id: "parse-error",
  severity: "error",
  description: "The file cannot be read or is not valid YAML/JSON; its other documents are still checked",
  docs: [
    "Reported for a path that cannot be read, a YAML or JSON syntax error, or a document that cannot be",
    "turned into data (for example too many aliases). The location is where the parser stopped.",
    "A Helm template (with `{{ }}`) is not YAML: render it first, e.g. `helm template . | capdoctor lint -`."
  ].join("\n"),
  fixable: false,
  citations: []
};
var ALL_RULE_META = [...RULES.map((r) => r.meta), PARSE_ERROR_META];

// src/core/namespace-pss.ts
var RESTRICTED_CAPABILITIES_SINCE = Number(PSS_FACTS.restricted.since.split(".")[1]);

// src/action/summary.ts
var DOCS = "https://github.com/capdoctor/capdoctor/blob/main/docs/rules";
var MAX_BYTES = 900 * 1024;
var MARK = { error: "\u274C error", warning: "\u26A0\uFE0F warning", info: "\u2139\uFE0F info" };
function cell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\s*[\r\n]+\s*/g, " ");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function summaryMarkdown(report, sarifFile) {
  const { files, documents, errors, warnings, infos } = report.summary;
  const head = errors + warnings + infos === 0 ? "\u2705 No problems" : `${errors > 0 ? "\u274C" : "\u26A0\uFE0F"} ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info`;
  const out = [
    "## capdoctor",
    "",
    `${head} in ${plural(files, "file")} (${plural(documents, "document")}).`,
    ""
  ];
  let size = Buffer.byteLength(out.join("\n"));
  let omitted = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = [
      `### ${cell(file.file)}`,
      "",
      "| Line | Severity | Rule | Finding |",
      "| ---: | --- | --- | --- |",
      ...file.findings.map(
        (f) => `| ${f.line}:${f.column} | ${MARK[f.severity]} | [${f.rule}](${DOCS}/${f.rule}.md) | ${cell(f.message)} |`
      ),
      ""
    ];
    const text = rows.join("\n");
    const bytes = Buffer.byteLength(text);
    if (size + bytes > MAX_BYTES) {
      omitted += file.findings.length;
      continue;
    }
    size += bytes;
    out.push(text);
  }
  if (omitted > 0)
    out.push(`\u2026 and ${plural(omitted, "more finding")}: every finding is in \`${cell(sarifFile)}\`.`, "");
  const clean = report.files.filter((f) => f.findings.length === 0).length;
  if (clean > 0 && errors + warnings + infos > 0) out.push(`${plural(clean, "other file")} without findings.`, "");
  return `${out.join("\n")}
`;
}

// src/action/action.ts
var VERSION2 = true ? "0.1.0" : "0.0.0-dev";
var InputError = class extends Error {
};
function failOnInput(value) {
  const failOn = value === "" ? "error" : value;
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never") {
    throw new InputError(`fail-on must be error, warning or never, not "${value}"`);
  }
  return failOn;
}
function runAction(runner2) {
  const cwd = process.cwd();
  const failOn = failOnInput(runner2.input("fail-on"));
  const paths = runner2.input("paths").split(/\s+/).filter((p) => p !== "");
  const inputs = paths.length > 0 ? paths : ["."];
  const sarifFile = runner2.input("sarif-file") || "capdoctor.sarif";
  const known = new Set(RULES.map((r) => r.meta.id));
  const configInput = runner2.input("config");
  let loaded;
  try {
    loaded = loadConfig(configInput ? (0, import_node_path3.resolve)(cwd, configInput) : findConfig(cwd), known);
  } catch (error) {
    throw new InputError(`config: ${error.message}`);
  }
  const targetSpecs = runner2.listInput("targets");
  let targets;
  try {
    targets = resolveTargets(targetSpecs.length > 0 ? targetSpecs : loaded.config.targets ?? []);
  } catch (error) {
    throw new InputError(`targets: ${error.message}`);
  }
  const options = { rules: RULES, targets, settings: loaded.config.rules ?? {} };
  const files = [];
  let documents = 0;
  for (const entry of expandPaths(inputs, (file) => loaded.ignored(file))) {
    if (entry.file === "-") throw new InputError("paths: standard input (-) is not available in an Action");
    const input = readInput(entry, () => "");
    if (input.text === void 0) {
      files.push({ file: entry.file, findings: [unreadableFinding(entry.file, input.error ?? "cannot be read")] });
      continue;
    }
    const result = lintSource(entry.file, input.text, options);
    documents += result.documents;
    files.push({ file: entry.file, findings: result.findings });
  }
  const all = files.flatMap((f) => f.findings);
  const count = (severity) => all.filter((f) => f.severity === severity).length;
  const report = {
    files,
    targets: targets.map((t) => t.matrix ? t.label : t.id),
    summary: {
      files: files.length,
      documents,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info")
    }
  };
  for (const finding of all) runner2.log(`${githubCommand(finding)}
`);
  const sarifPath = (0, import_node_path3.resolve)(cwd, sarifFile);
  (0, import_node_fs3.mkdirSync)((0, import_node_path3.dirname)(sarifPath), { recursive: true });
  (0, import_node_fs3.writeFileSync)(sarifPath, formatSarif(report, { color: false, rules: ALL_RULE_META, version: VERSION2 }));
  runner2.summary(summaryMarkdown(report, sarifFile));
  runner2.setOutput("errors", String(report.summary.errors));
  runner2.setOutput("warnings", String(report.summary.warnings));
  runner2.setOutput("sarif-file", sarifFile);
  const { errors, warnings, infos } = report.summary;
  runner2.log(
    `capdoctor ${VERSION2}: ${errors} error(s), ${warnings} warning(s), ${infos} info in ${files.length} file(s); SARIF written to ${sarifFile}
`
  );
  const failing2 = failOn === "never" ? 0 : failOn === "warning" ? errors + warnings : errors;
  if (failing2 > 0) {
    runner2.log(`::error title=capdoctor::${failing2} finding(s) at or above fail-on=${failOn}
`);
    return 1;
  }
  return 0;
}

// src/action/runner.ts
var import_node_crypto = require("node:crypto");
var import_node_fs4 = require("node:fs");
function getInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getListInput(env, name) {
  return getInput(env, name).split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}
function outputEntry(name, value) {
  if (!/[\r\n]/.test(value)) return `${name}=${value}
`;
  const delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`;
  return `${name}<<${delimiter}
${value}
${delimiter}
`;
}
var Runner = class {
  constructor(env, stdout) {
    this.env = env;
    this.stdout = stdout;
  }
  env;
  stdout;
  input(name) {
    return getInput(this.env, name);
  }
  listInput(name) {
    return getListInput(this.env, name);
  }
  /** Sets a step output; without $GITHUB_OUTPUT (an old runner, a local run) it is only logged. */
  setOutput(name, value) {
    const file = this.env.GITHUB_OUTPUT;
    if (file) (0, import_node_fs4.appendFileSync)(file, outputEntry(name, value));
    else this.stdout(`capdoctor: output ${name}=${value}
`);
  }
  /** Appends Markdown to the job summary, when the runner gives a file for it. */
  summary(markdown) {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) (0, import_node_fs4.appendFileSync)(file, markdown);
  }
  log(text) {
    this.stdout(text);
  }
};

// src/action/index.ts
var runner = new Runner(process.env, (text) => process.stdout.write(text));
try {
  process.exitCode = runAction(runner);
} catch (error) {
  const known = error instanceof InputError || error instanceof UsageError;
  const message = known ? error.message : error.stack ?? String(error);
  process.stdout.write(`::error title=capdoctor::${escapeData(`${known ? "" : "internal error: "}${message}`)}
`);
  process.exitCode = 1;
}
