import type { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * A property that holds whatever JSON value was stored (an audit record's before and after):
 * the document says so instead of claiming an object.
 */
export const ANY_JSON_VALUE: ApiPropertyOptions = {
  anyOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
  ],
  nullable: true,
};
