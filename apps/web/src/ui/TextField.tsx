import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'isInvalid' | 'validationBehavior' | 'children'> {
  readonly label: string;
  readonly description?: string;
  /** The problems the API named for this field (its Swedish `detail`). */
  readonly errors?: readonly string[];
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly width?: 'full' | 'medium' | 'short';
}

/** A labelled text field with its hint and the API's problems for it placed above the input. */
export function TextField({
  label,
  description,
  errors = [],
  multiline,
  rows = 4,
  width = 'full',
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className={`field field--${width}`}
      isInvalid={errors.length > 0}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errors.join(' ')}</FieldError>
      {multiline ? <TextArea className="field__input" rows={rows} /> : <Input className="field__input" />}
    </AriaTextField>
  );
}
