import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { FileField } from '../../../ui/FileField';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatIsoDate, todayInStockholm } from '../../../ui/format';
import { POSITION_LABEL } from '../../../ui/labels';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import type { Consultation, Position, Recipient, StatusBoard } from '../consultation-queries';
import { statusMessages as t } from './messages';

const POSITIONS = Object.keys(POSITION_LABEL) as Position[];

/** After the sender acted on a recipient: the board, the remiss and the compilation are stale. */
function useRecipientsChanged() {
  const client = useQueryClient();
  return () => invalidatePaths(client, ['/api/v1/consultations', '/api/v1/my-work']);
}

/** The recipients' requests for a later deadline, each to grant or refuse with a comment. */
export function ExtensionRequests({ board }: { board: StatusBoard }) {
  const pending = board.recipients.filter((r) => r.pendingExtension);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="anstand-rubrik">
      <h2 id="anstand-rubrik">{t.extensionsTitle}</h2>
      <StatusMessage text={status} />
      {pending.length === 0 ? <p>{t.noExtensions}</p> : null}
      {pending.map((r) => (
        <ExtensionDecision key={r.id} recipient={r} onDecided={setStatus} />
      ))}
    </section>
  );
}

function ExtensionDecision({ recipient, onDecided }: { recipient: Recipient; onDecided: (message: string) => void }) {
  const request = recipient.pendingExtension!;
  const changed = useRecipientsChanged();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (granted: boolean) =>
      unwrap(
        api.POST('/api/v1/extension-requests/{id}/decision', {
          params: { path: { id: request.id } },
          body: { granted, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      ),
    onSuccess: async (decided) => {
      await changed();
      onDecided(
        decided.status === 'granted'
          ? t.granted(recipient.name, formatIsoDate(decided.requestedDeadline))
          : t.refused(recipient.name),
      );
    },
  });
  const problems = decide.isError ? formProblems(decide.error, {}) : NO_PROBLEMS;
  return (
    <div className="action-card">
      <h3>{t.extensionOf(recipient.name, formatIsoDate(request.requestedDeadline))}</h3>
      <p>
        <strong>{t.reason}:</strong> {request.reason}
      </p>
      <ErrorSummary items={problems.summary} />
      <TextField label={t.decisionComment(recipient.name)} multiline rows={2} value={comment} onChange={setComment} />
      <div className="button-row">
        <Button
          aria-label={t.grantFor(recipient.name)}
          isPending={decide.isPending}
          onPress={() => decide.mutate(true)}
        >
          {t.grant}
        </Button>
        <Button
          variant="secondary"
          aria-label={t.refuseFor(recipient.name)}
          isDisabled={decide.isPending}
          onPress={() => decide.mutate(false)}
        >
          {t.refuse}
        </Button>
      </div>
    </div>
  );
}

/** E-mail to external recipients that could not be delivered: the server's reason and an address to correct. */
export function FailedDeliveries({ board }: { board: StatusBoard }) {
  const failed = board.deliveries.filter((d) => d.status === 'failed');
  const [status, setStatus] = useState('');
  if (failed.length === 0 && !status) {
    return null;
  }
  return (
    <section aria-labelledby="epost-rubrik">
      <h2 id="epost-rubrik">{t.deliveriesTitle}</h2>
      <StatusMessage text={status} />
      {failed.map((d) => {
        const recipient = board.recipients.find((r) => r.id === d.recipientId);
        return recipient ? (
          <AddressCorrection
            key={`${d.recipientId}:${d.kind}`}
            recipient={recipient}
            address={d.address}
            reason={d.error}
            onCorrected={setStatus}
          />
        ) : null;
      })}
    </section>
  );
}

function AddressCorrection({
  recipient,
  address,
  reason,
  onCorrected,
}: {
  recipient: Recipient;
  address: string;
  reason: string | null;
  onCorrected: (message: string) => void;
}) {
  const changed = useRecipientsChanged();
  const [email, setEmail] = useState(address);
  const fields = { email: { id: `adress-${recipient.id}`, label: t.correctedAddress(recipient.name) } };
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const correct = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/consultation-recipients/{id}/email', {
          params: { path: { id: recipient.id } },
          body: { email: email.trim() },
        }),
      ),
    onSuccess: async () => {
      setProblems(NO_PROBLEMS);
      await changed();
      onCorrected(t.addressCorrected(recipient.name, email.trim()));
    },
    onError: (error) => setProblems(formProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    correct.mutate();
  };
  return (
    <form className="form action-card" onSubmit={submit} noValidate>
      <p>
        <strong>{t.deliveryFailed(recipient.name, address)}</strong>
        {reason ? <span className="state__reason">{t.deliveryReason(reason)}</span> : null}
      </p>
      <ErrorSummary items={problems.summary} />
      <TextField
        id={fields.email.id}
        label={fields.email.label}
        type="email"
        width="medium"
        value={email}
        onChange={setEmail}
        errors={problems.fields.get('email')}
      />
      <Button type="submit" isPending={correct.isPending}>
        {t.correctAddress}
      </Button>
    </form>
  );
}

/** External recipients' answers, registered by the sender's registrar as they come in. */
export function ExternalAnswers({ board, consultation }: { board: StatusBoard; consultation: Consultation }) {
  const waiting = board.recipients.filter((r) => r.external && r.state !== 'answered' && r.state !== 'declined');
  const [status, setStatus] = useState('');
  if (waiting.length === 0 && !status) {
    return null;
  }
  return (
    <section aria-labelledby="externa-rubrik">
      <h2 id="externa-rubrik">{t.externalTitle}</h2>
      <p>{t.externalIntro}</p>
      <StatusMessage text={status} />
      {consultation.status === 'sent'
        ? waiting.map((r) => (
            <ExternalAnswerForm key={r.id} recipient={r} consultation={consultation} onRegistered={setStatus} />
          ))
        : null}
    </section>
  );
}

type SectionAnswer = { readonly position: Position | null; readonly comment: string };

function ExternalAnswerForm({
  recipient,
  consultation,
  onRegistered,
}: {
  recipient: Recipient;
  consultation: Consultation;
  onRegistered: (m: string) => void;
}) {
  const changed = useRecipientsChanged();
  const prefix = `svar-${recipient.id}`;
  const fields = {
    position: { id: `${prefix}-position`, label: t.positionOverall },
    comment: { id: `${prefix}-comment`, label: t.comment },
    documentDate: { id: `${prefix}-date`, label: t.answeredOn },
    file: { id: `${prefix}-file`, label: t.answerFile },
  };
  const [position, setPosition] = useState<Position | null>(null);
  const [comment, setComment] = useState('');
  const [documentDate, setDocumentDate] = useState(todayInStockholm());
  const [file, setFile] = useState<File | null>(null);
  const [sections, setSections] = useState<Readonly<Record<string, SectionAnswer>>>({});
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const register = useMutation({
    mutationFn: (chosen: Position) => {
      const answered = consultation.sections
        .map((s) => ({ sectionId: s.id, ...(sections[s.id] ?? { position: null, comment: '' }) }))
        .filter((s) => s.position !== null || s.comment.trim() !== '')
        .map((s) => ({ sectionId: s.sectionId, comment: s.comment, ...(s.position ? { position: s.position } : {}) }));
      const body = { position: chosen, comment, documentDate, sections: answered };
      const form = new FormData();
      if (file) {
        form.append('position', chosen);
        form.append('comment', comment);
        form.append('documentDate', documentDate);
        form.append('sections', JSON.stringify(answered));
        form.append('file', file, file.name);
      }
      return unwrap(
        api.POST('/api/v1/consultation-recipients/{id}/external-answer', {
          params: { path: { id: recipient.id } },
          body,
          ...(file ? { bodySerializer: () => form } : {}),
        }),
      );
    },
    onSuccess: async () => {
      await changed();
      onRegistered(t.answerRegistered(recipient.name));
    },
    onError: (error) => setProblems(formProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!position) {
      setProblems({
        summary: [{ message: t.choosePosition, fieldId: fields.position.id }],
        fields: new Map([['position', [t.choosePosition]]]),
      });
      return;
    }
    register.mutate(position);
  };
  const positionErrors = problems.fields.get('position');
  return (
    <form className="form action-card" onSubmit={submit} noValidate aria-labelledby={`${prefix}-rubrik`}>
      <h3 id={`${prefix}-rubrik`}>{t.externalAnswerOf(recipient.name)}</h3>
      <ErrorSummary items={problems.summary} />
      <RadioGroup
        className="field"
        value={position}
        onChange={(value) => setPosition(value as Position)}
        isInvalid={Boolean(positionErrors)}
        validationBehavior="aria"
      >
        <Label className="field__label">{t.positionOverall}</Label>
        {positionErrors ? (
          <Text slot="errorMessage" className="field__error">
            {positionErrors.join(' ')}
          </Text>
        ) : null}
        {POSITIONS.map((p, i) => (
          <Radio key={p} value={p} className="radio" id={i === 0 ? fields.position.id : undefined}>
            {POSITION_LABEL[p]}
          </Radio>
        ))}
      </RadioGroup>
      <TextField
        id={fields.comment.id}
        label={t.comment}
        multiline
        rows={4}
        value={comment}
        onChange={setComment}
        errors={problems.fields.get('comment')}
      />
      {consultation.sections.map((section) => {
        const answer = sections[section.id] ?? { position: null, comment: '' };
        const set = (next: Partial<SectionAnswer>) =>
          setSections((all) => ({ ...all, [section.id]: { ...answer, ...next } }));
        return (
          <fieldset key={section.id} className="fieldset">
            <legend>{t.sectionOf(section.position, section.title)}</legend>
            <RadioGroup
              className="field"
              value={answer.position}
              onChange={(value) => set({ position: value as Position })}
            >
              <Label className="field__label">{t.position}</Label>
              {POSITIONS.map((p) => (
                <Radio key={p} value={p} className="radio">
                  {POSITION_LABEL[p]}
                </Radio>
              ))}
            </RadioGroup>
            <TextField
              label={t.sectionComment(section.position)}
              multiline
              rows={3}
              value={answer.comment}
              onChange={(value) => set({ comment: value })}
            />
          </fieldset>
        );
      })}
      <TextField
        id={fields.documentDate.id}
        label={t.answeredOn}
        type="date"
        width="short"
        value={documentDate}
        onChange={setDocumentDate}
        errors={problems.fields.get('documentDate')}
      />
      <FileField
        id={fields.file.id}
        label={t.answerFile}
        errors={problems.fields.get('file')}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Button type="submit" isPending={register.isPending}>
        {t.registerAnswer}
      </Button>
    </form>
  );
}
