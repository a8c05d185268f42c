import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';

export interface Choice {
  readonly id: string;
  readonly label: string;
}

/** A labelled choice among a few values, with the API's problems for it above the button. */
export function ChoiceField({
  id,
  label,
  choices,
  value,
  onChange,
  placeholder,
  errors = [],
  width,
}: {
  /** The button's id, which the error summary links to. */
  id: string;
  label: string;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder: string;
  errors?: readonly string[];
  width?: 'medium' | 'short';
}) {
  return (
    <Select
      className={width ? `field field--${width}` : 'field'}
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      placeholder={placeholder}
      isInvalid={errors.length > 0}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <FieldError className="field__error">{errors.join(' ')}</FieldError>
      <AriaButton className="select__button" id={id}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <Popover className="select__popover">
        <ListBox className="select__list" items={choices}>
          {(choice) => (
            <ListBoxItem id={choice.id} className="select__option" textValue={choice.label}>
              {choice.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
