import { type INestApplication, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { ApiParam, DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

import { IntParamPipe } from '../http/params.js';

type Class = abstract new (...args: never[]) => unknown;
type PropertyMetadata = Record<string, unknown>;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const BUILT_IN: ReadonlySet<unknown> = new Set([String, Number, Boolean, Object, Array, Date, Function]);

function isClass(value: unknown): value is Class {
  return typeof value === 'function' && value.prototype !== undefined && !BUILT_IN.has(value);
}

/** A property's documented type as a class, following `type: X`, `type: [X]` and `type: () => X`. */
function classOf(type: unknown): Class | undefined {
  const unwrapped = Array.isArray(type) ? (type[0] as unknown) : type;
  if (isClass(unwrapped)) {
    return unwrapped;
  }
  if (typeof unwrapped === 'function' && unwrapped.prototype === undefined && unwrapped.length === 0) {
    const resolved = (unwrapped as () => unknown)();
    return isClass(resolved) ? resolved : undefined;
  }
  return undefined;
}

function prototypeOf(target: Class): object {
  return target.prototype as object;
}

function documentedProperties(target: Class): string[] {
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototypeOf(target)) ?? []) as string[];
  return keys.map((key) => key.slice(1));
}

interface Handler {
  readonly prototype: Record<string, unknown>;
  readonly name: string;
  readonly method: (...args: unknown[]) => unknown;
}

/** Every route handler of the application's controllers. */
function handlers(app: INestApplication): Handler[] {
  const found: Handler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as Class | null)?.prototype as Record<string, unknown> | undefined;
      for (const name of prototype ? Object.getOwnPropertyNames(prototype) : []) {
        const method = prototype![name];
        if (name !== 'constructor' && typeof method === 'function') {
          found.push({ prototype: prototype!, name, method: method as Handler['method'] });
        }
      }
    }
  }
  return found;
}

/** Every class an operation takes as body or query (or documents as one), and the classes nested in them. */
function inputClasses(app: INestApplication): Set<Class> {
  const found = new Set<Class>();
  const visit = (target: Class): void => {
    if (found.has(target)) {
      return;
    }
    found.add(target);
    for (const key of documentedProperties(target)) {
      const metadata = Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES,
        prototypeOf(target),
        key,
      ) as PropertyMetadata;
      const nested = classOf(metadata?.type);
      if (nested) {
        visit(nested);
      }
    }
  };
  for (const { prototype, name, method } of handlers(app)) {
    const parameterTypes = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
    const documentedBodies = (
      (Reflect.getMetadata(DECORATORS.API_PARAMETERS, method) ?? []) as { in?: string; type?: unknown }[]
    )
      .filter((parameter) => parameter.in === 'body')
      .map((parameter) => parameter.type);
    const extraModels = (Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, method) ?? []) as unknown[];
    for (const type of [...parameterTypes, ...documentedBodies, ...extraModels]) {
      const target = classOf(type);
      if (target && documentedProperties(target).length > 0) {
        visit(target);
      }
    }
  }
  return found;
}

/** Documents each path parameter as its pipe checks it: a UUID, or an integer. */
function documentPathParameters(app: INestApplication): void {
  for (const { prototype, name, method } of handlers(app)) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, prototype.constructor, name) ?? {}) as Record<
      string,
      { data?: unknown; pipes?: unknown[] }
    >;
    for (const [key, arg] of Object.entries(args)) {
      if (key.split(':')[0] !== String(RouteParamtypes.PARAM) || typeof arg.data !== 'string') {
        continue;
      }
      const pipes = arg.pipes ?? [];
      const schema = pipes.some((pipe) => pipe instanceof ParseUUIDPipe)
        ? { type: String, format: 'uuid' }
        : pipes.some((pipe) => pipe === ParseIntPipe || pipe instanceof ParseIntPipe || pipe instanceof IntParamPipe)
          ? { type: 'integer' as const }
          : undefined;
      if (schema) {
        ApiParam({ name: arg.data, required: true, ...schema })(prototype, name, { value: method });
      }
    }
  }
}

function constraintName(rule: ValidationMetadata): string | undefined {
  return rule.name ?? getMetadataStorage().getTargetValidatorConstraints(rule.constraintCls)[0]?.name;
}

/** What one validation rule says, in OpenAPI terms (keys of the property's schema). */
function schemaOf(rule: ValidationMetadata): PropertyMetadata {
  const [first] = (rule.constraints ?? []) as unknown[];
  switch (constraintName(rule)) {
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'matches':
      return { pattern: first instanceof RegExp ? first.source : String(first) };
    case 'isUuid':
      return { format: 'uuid' };
    case 'isEmail':
      return { format: 'email' };
    case 'isIsoDate':
      return { format: 'date' };
    case 'isInt':
      return { type: 'integer' };
    default:
      return {};
  }
}

/**
 * Writes what the validation checks into the API documentation, so that the document states
 * exactly the limits enforced and cannot drift from them: for every input class, what its
 * class-validator rules require (lengths, bounds, sizes, patterns, formats, integers), and for
 * every path parameter what its pipe accepts. What a decorator states explicitly is kept;
 * `isInt` turns a documented `number` into `integer`. Calling it again changes nothing.
 */
export function documentValidation(app: INestApplication): void {
  documentPathParameters(app);
  const storage = getMetadataStorage();
  for (const target of inputClasses(app)) {
    const rules = storage.getTargetValidationMetadatas(target, '', true, false);
    for (const key of documentedProperties(target)) {
      const metadata = Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES,
        prototypeOf(target),
        key,
      ) as PropertyMetadata;
      const derived: PropertyMetadata = {};
      for (const rule of rules.filter((r) => r.propertyName === key)) {
        Object.assign(derived, schemaOf(rule));
      }
      const { type, ...constraints } = derived;
      const merged: PropertyMetadata = { ...constraints, ...metadata };
      if (type === 'integer' && (metadata.type === Number || metadata.type === 'number')) {
        merged.type = 'integer';
      }
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, prototypeOf(target), key);
    }
  }
}
