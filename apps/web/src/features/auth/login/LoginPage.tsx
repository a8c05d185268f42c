import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useNavigate, useSearchParams } from 'react-router';

import { ApiError } from '../../../api/problem';
import { safeReturnPath } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, formProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { problemText } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { useLogin } from './login-mutation';
import { loginMessages as t } from './messages';

const FIELDS = {
  email: { id: 'login-email', label: t.email },
  password: { id: 'login-password', label: t.password },
  organisationId: { id: 'login-organisation', label: t.organisation },
} as const;

interface Organisation {
  readonly id: string;
  readonly name: string;
}

/**
 * Inloggning. A wrong e-mail or password gets the API's one message for both, so nobody learns
 * who has an account; too many attempts say when to try again; a person with roles in several
 * organisations chooses one, then logs in for it.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisations, setOrganisations] = useState<readonly Organisation[]>([]);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const returnTo = safeReturnPath(params.get('tillbaka'));
  const choice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The choice appears after a first attempt: take the person to it.
    if (organisations.length > 0) {
      choice.current?.querySelector('input')?.focus();
    }
  }, [organisations]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organisations.length > 0 && !organisationId) {
      setProblems({
        summary: [{ message: t.chooseOrganisation, fieldId: FIELDS.organisationId.id }],
        fields: new Map([['organisationId', [t.chooseOrganisation]]]),
      });
      return;
    }
    login.mutate(
      { email, password, ...(organisationId ? { organisationId } : {}) },
      {
        onSuccess: () => void navigate(returnTo, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'auth.organisation_required') {
            setOrganisations(error.problem.organisations ?? []);
          }
          setProblems(problemsOf(error));
        },
      },
    );
  };

  const notice = params.get('utloggad') === '1' ? t.loggedOut : params.has('tillbaka') ? t.sessionEnded : null;

  return (
    <Page title={t.title}>
      {notice && problems.summary.length === 0 ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary items={problems.summary} />
      <p>{t.intro}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.email.id}
          label={t.email}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          errors={problems.fields.get('email')}
          width="medium"
          isRequired
        />
        <TextField
          id={FIELDS.password.id}
          label={t.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errors={problems.fields.get('password')}
          width="medium"
          isRequired
        />
        {organisations.length > 0 ? (
          <RadioGroup
            ref={choice}
            className="field"
            value={organisationId}
            onChange={setOrganisationId}
            isInvalid={problems.fields.has('organisationId')}
            validationBehavior="aria"
          >
            <Label className="field__label">{t.organisation}</Label>
            <Text slot="description" className="field__hint">
              {t.organisationHint}
            </Text>
            {problems.fields.has('organisationId') ? (
              <Text slot="errorMessage" className="field__error">
                {problems.fields.get('organisationId')!.join(' ')}
              </Text>
            ) : null}
            {organisations.map((o, i) => (
              <Radio key={o.id} value={o.id} className="radio" id={i === 0 ? FIELDS.organisationId.id : undefined}>
                {o.name}
              </Radio>
            ))}
          </RadioGroup>
        ) : null}
        <Button type="submit" isPending={login.isPending}>
          {t.submit}
        </Button>
      </form>
    </Page>
  );
}

function problemsOf(error: unknown): FormProblems {
  if (error instanceof ApiError && error.code === 'auth.organisation_required') {
    return NO_PROBLEMS;
  }
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
    const at = formatTime(new Date(Date.now() + error.retryAfterSeconds * 1000).toISOString());
    return { summary: [{ message: `${problemText(error)} ${t.tryAgainAt(at)}` }], fields: new Map() };
  }
  return formProblems(error, FIELDS);
}
