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

export interface SelectOption {
  readonly id: string;
  readonly label: string;
  /** What typing a letter matches, when not the label. */
  readonly textValue?: string;
}

/** A labelled choice from a list, with the problems for it above the button as every field has them. */
export function SelectField({
  id,
  label,
  placeholder,
  value,
  onChange,
  options,
  errors,
}: {
  /** The button's id, which the error summary links to. */
  id: string;
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (id: string | null) => void;
  options: readonly SelectOption[];
  errors?: readonly string[];
}) {
  return (
    <Select
      className="field"
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      placeholder={placeholder}
      isInvalid={Boolean(errors?.length)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <FieldError className="field__error">{errors?.join(' ')}</FieldError>
      <AriaButton className="select__button" id={id}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <Popover className="select__popover">
        <ListBox className="select__list">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="select__option" textValue={o.textValue ?? o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
