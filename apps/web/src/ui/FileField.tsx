import type { ChangeEvent, Ref } from 'react';

/**
 * A labelled file input with its hint and its problems, described by both; the browser's own
 * control, which a keyboard reaches and opens like any button.
 */
export function FileField({
  id,
  label,
  hint,
  errors,
  multiple = false,
  accept,
  inputRef,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  multiple?: boolean;
  accept?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        className="file-input"
        type="file"
        multiple={multiple}
        accept={accept}
        aria-describedby={describedBy || undefined}
        aria-invalid={errors ? true : undefined}
        onChange={onChange}
      />
    </div>
  );
}
