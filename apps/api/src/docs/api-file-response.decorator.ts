import { ApiResponse } from '@nestjs/swagger';

/** Documents a download: the file's bytes in the given media type, named in Content-Disposition. */
export function ApiFileResponse(mediaType: string, description: string): MethodDecorator {
  return ApiResponse({
    status: 200,
    description,
    headers: {
      'Content-Disposition': {
        description: 'attachment med filens namn (RFC 6266; å, ä och ö i filename*).',
        schema: { type: 'string' },
      },
    },
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
  });
}
