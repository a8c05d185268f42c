import type { FormProblems } from '../../../ui/form-problems';
import { TextField } from '../../../ui/TextField';
import { adminMessages } from '../messages';

const t = adminMessages.departments;

/** A department's fields, by their ids and labels for the problems of the API. */
export const DEPARTMENT_FIELDS = {
  name: { id: 'department-name', label: t.name },
  contactEmail: { id: 'department-email', label: t.contactEmail },
};

export const DEPARTMENT_CODES = { 'directory.name_taken': 'name' };

/** Name and contact e-mail of a department, as a new one is added and an existing one changed. */
export function DepartmentFields({
  name,
  contactEmail,
  onName,
  onContactEmail,
  problems,
}: {
  name: string;
  contactEmail: string;
  onName: (value: string) => void;
  onContactEmail: (value: string) => void;
  problems: FormProblems;
}) {
  return (
    <>
      <TextField
        id={DEPARTMENT_FIELDS.name.id}
        label={t.name}
        value={name}
        onChange={onName}
        errors={problems.fields.get('name')}
        width="medium"
      />
      <TextField
        id={DEPARTMENT_FIELDS.contactEmail.id}
        label={t.contactEmail}
        description={t.contactHint}
        type="email"
        value={contactEmail}
        onChange={onContactEmail}
        errors={problems.fields.get('contactEmail')}
        width="medium"
      />
    </>
  );
}
