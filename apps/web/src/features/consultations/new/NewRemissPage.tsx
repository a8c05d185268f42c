import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

import { invalidatePaths } from '../../../app/query-client';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { newRemissMessages as t } from './messages';
import {
  checkStep,
  EMPTY_DRAFT,
  type RemissDraft,
  REVIEW_FIELDS,
  type SendProgress,
  sendRemiss,
  type Step,
  STEPS,
} from './remiss-draft';
import { AttachmentsStep, BasicsStep, DeadlineStep, ReviewStep, SectionsStep } from './steps';
import { RecipientsStep } from './RecipientsStep';

/**
 * Ny remiss: one question at a time (the remiss, its parts, the deadline, the recipients, the
 * files), each checked before going on, then everything to review before it is sent. Nothing
 * reaches the API until "Skicka remissen".
 */
export function NewRemissPage() {
  const [draft, setDraft] = useState<RemissDraft>(EMPTY_DRAFT);
  const [index, setIndex] = useState(0);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const progress = useRef<SendProgress>({ draftId: null, uploaded: new Set() });
  const navigate = useNavigate();
  const client = useQueryClient();
  const step: Step = STEPS[index]!;

  // Each new step is read from its heading; the page's own heading has the focus on arrival.
  useEffect(() => {
    if (moved.current) {
      heading.current?.focus();
    }
  }, [index]);

  const send = useMutation({
    mutationFn: () => sendRemiss(draft, progress.current),
    onSuccess: async (sent) => {
      await invalidatePaths(client, ['/api/v1/consultations', '/api/v1/my-work']);
      void navigate(`/remisser/${sent.id}`, { state: { notice: t.sent(sent.recipients.length) } });
    },
    onError: (error) => setProblems(formProblems(error, REVIEW_FIELDS)),
  });

  const goTo = (next: number) => {
    moved.current = true;
    setProblems(NO_PROBLEMS);
    setIndex(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'review') {
      send.mutate();
      return;
    }
    const found = checkStep(step, draft);
    if (found.summary.length > 0) {
      setProblems(found);
      return;
    }
    goTo(index + 1);
  };
  const change = (next: Partial<RemissDraft>) => setDraft((d) => ({ ...d, ...next }));
  const errorsOf = (id: string) => problems.fields.get(id);

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <ol className="steps" aria-label={t.stepsLabel}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === index ? 'steps__step steps__step--current' : 'steps__step'}
            aria-current={i === index ? 'step' : undefined}
          >
            {i + 1}. {t.steps[s]}
            {i < index ? <span className="visually-hidden"> ({t.done})</span> : null}
          </li>
        ))}
      </ol>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="steg-rubrik" ref={heading} tabIndex={-1}>
          {t.stepOf(index + 1, STEPS.length, t.steps[step])}
        </h2>
        {step === 'basics' ? <BasicsStep draft={draft} change={change} errorsOf={errorsOf} /> : null}
        {step === 'sections' ? <SectionsStep draft={draft} change={change} errorsOf={errorsOf} /> : null}
        {step === 'deadline' ? <DeadlineStep draft={draft} change={change} errorsOf={errorsOf} /> : null}
        {step === 'recipients' ? <RecipientsStep draft={draft} change={change} errorsOf={errorsOf} /> : null}
        {step === 'attachments' ? (
          <AttachmentsStep draft={draft} change={change} errorsOf={errorsOf} onProblems={setProblems} />
        ) : null}
        {step === 'review' ? <ReviewStep draft={draft} onChange={(s) => goTo(STEPS.indexOf(s))} /> : null}
        <div className="actions">
          <Button type="submit" isPending={send.isPending}>
            {step === 'review' ? t.send : t.next}
          </Button>
          {index > 0 ? (
            <Button variant="secondary" onPress={() => goTo(index - 1)} isDisabled={send.isPending}>
              {t.back}
            </Button>
          ) : null}
        </div>
      </form>
    </Page>
  );
}
