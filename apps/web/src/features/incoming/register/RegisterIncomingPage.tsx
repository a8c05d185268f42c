import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormField, type FormProblems, formProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { TextField } from '../../../ui/TextField';
import { registerMessages as t } from '../messages';

type Body = components['schemas']['IncomingRemissDto'];

interface Section {
  readonly key: number;
  readonly title: string;
  readonly description: string;
}

const FIELDS: Record<string, FormField> = {
  title: { id: 'remiss-title', label: t.remissTitle },
  description: { id: 'remiss-description', label: t.description },
  'sender.name': { id: 'sender-name', label: `${t.senderHeading}: ${t.senderName}` },
  'sender.email': { id: 'sender-email', label: `${t.senderHeading}: ${t.senderEmail}` },
  'sender.postalAddress': { id: 'sender-address', label: `${t.senderHeading}: ${t.postalAddress}` },
  senderReference: { id: 'sender-reference', label: t.senderReference },
  responseDeadline: { id: 'response-deadline', label: t.deadline },
  receivedOn: { id: 'received-on', label: t.receivedOn },
  sections: { id: 'section-title-0', label: t.sectionsHeading },
};

/**
 * Registrera remiss utifrån: a remiss from a body outside the directory (a ministry, an agency)
 * becomes a case in the board's registry, with the sender as counterpart and their reference.
 */
export function RegisterIncomingPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [senderName, setSenderName] = useState('');
  const [senderEmail, setSenderEmail] = useState('');
  const [postalAddress, setPostalAddress] = useState('');
  const [senderReference, setSenderReference] = useState('');
  const [responseDeadline, setResponseDeadline] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [sections, setSections] = useState<readonly Section[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const register = useMutation({
    mutationFn: (body: Body) => unwrap(api.POST('/api/v1/incoming-remisses', { body })),
    onSuccess: async (registered) => {
      await invalidatePaths(client, ['/api/v1/consultations', '/api/v1/my-work']);
      await navigate('/inkomna-remisser', { state: { registered: registered.asRecipient?.diaryNumber ?? '' } });
    },
    onError: (error) => setProblems(formProblems(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = postalAddress
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    register.mutate({
      title: title.trim(),
      sender: {
        name: senderName.trim(),
        email: senderEmail.trim(),
        ...(address.length ? { postalAddress: address } : {}),
      },
      responseDeadline,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(senderReference.trim() ? { senderReference: senderReference.trim() } : {}),
      ...(receivedOn ? { receivedOn } : {}),
      ...(sections.length
        ? {
            sections: sections.map((s) => ({
              title: s.title.trim(),
              ...(s.description.trim() ? { description: s.description.trim() } : {}),
            })),
          }
        : {}),
    });
  };
  const setSection = (key: number, change: Partial<Section>) =>
    setSections((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const sectionErrors = (index: number) => [
    ...(problems.fields.get(`sections.${index}`) ?? []),
    ...(index === 0 ? (problems.fields.get('sections') ?? []) : []),
  ];
  return (
    <Page title={t.title}>
      <p>
        <Link to="/inkomna-remisser">{t.back}</Link>
      </p>
      <p>{t.intro}</p>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.title!.id}
          label={t.remissTitle}
          value={title}
          onChange={setTitle}
          errors={problems.fields.get('title')}
        />
        <fieldset className="fieldset">
          <legend>{t.senderHeading}</legend>
          <TextField
            id={FIELDS['sender.name']!.id}
            label={t.senderName}
            value={senderName}
            onChange={setSenderName}
            errors={problems.fields.get('sender.name') ?? problems.fields.get('sender')}
          />
          <TextField
            id={FIELDS['sender.email']!.id}
            label={t.senderEmail}
            type="email"
            width="medium"
            value={senderEmail}
            onChange={setSenderEmail}
            errors={problems.fields.get('sender.email')}
          />
          <TextField
            id={FIELDS['sender.postalAddress']!.id}
            label={t.postalAddress}
            description={t.postalAddressHint}
            multiline
            rows={3}
            width="medium"
            value={postalAddress}
            onChange={setPostalAddress}
            errors={problems.fields.get('sender.postalAddress')}
          />
          <TextField
            id={FIELDS.senderReference!.id}
            label={t.senderReference}
            description={t.senderReferenceHint}
            width="medium"
            value={senderReference}
            onChange={setSenderReference}
            errors={problems.fields.get('senderReference')}
          />
        </fieldset>
        <TextField
          id={FIELDS.responseDeadline!.id}
          label={t.deadline}
          type="date"
          width="short"
          value={responseDeadline}
          onChange={setResponseDeadline}
          errors={problems.fields.get('responseDeadline')}
        />
        <TextField
          id={FIELDS.receivedOn!.id}
          label={t.receivedOn}
          description={t.receivedOnHint}
          type="date"
          width="short"
          value={receivedOn}
          onChange={setReceivedOn}
          errors={problems.fields.get('receivedOn')}
        />
        <TextField
          id={FIELDS.description!.id}
          label={t.description}
          multiline
          rows={4}
          value={description}
          onChange={setDescription}
          errors={problems.fields.get('description')}
        />
        <fieldset className="fieldset">
          <legend>{t.sectionsHeading}</legend>
          <p className="field__hint">{t.sectionsIntro}</p>
          {sections.map((s, index) => (
            <div key={s.key} className="fieldset__group">
              <TextField
                id={`section-title-${index}`}
                label={t.sectionTitle(index + 1)}
                value={s.title}
                onChange={(value) => setSection(s.key, { title: value })}
                errors={sectionErrors(index)}
              />
              <TextField
                label={t.sectionDescription(index + 1)}
                multiline
                rows={2}
                value={s.description}
                onChange={(value) => setSection(s.key, { description: value })}
              />
              <Button variant="link" onPress={() => setSections((all) => all.filter((x) => x.key !== s.key))}>
                {t.removeSection(index + 1)}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onPress={() => {
              setSections((all) => [...all, { key: nextKey, title: '', description: '' }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t.addSection}
          </Button>
        </fieldset>
        <Button type="submit" isPending={register.isPending}>
          {t.submit}
        </Button>
      </form>
    </Page>
  );
}
