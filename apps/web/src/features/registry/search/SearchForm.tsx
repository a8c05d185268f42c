import { type FormEvent, useId } from 'react';
import { useNavigate } from 'react-router';

import { Button } from '../../../ui/Button';
import { searchMessages as t } from './messages';

/** The path of the search page for a query. */
export function searchPath(q: string): string {
  const query = q.trim();
  return query ? `/sok?${new URLSearchParams({ q: query })}` : '/sok';
}

/**
 * "Sök i diariet": a labelled field and a button that lead to the search page. Drawn anew (by key)
 * when the query changes, so the field shows what is searched for.
 */
export function SearchForm({
  label,
  defaultValue = '',
  className,
}: {
  /** The landmark's name, unique on the page. */
  label: string;
  defaultValue?: string;
  className?: string;
}) {
  const id = useId();
  const navigate = useNavigate();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    void navigate(searchPath(typeof value === 'string' ? value : ''));
  };
  return (
    <form
      role="search"
      aria-label={label}
      className={`search-form${className ? ` ${className}` : ''}`}
      onSubmit={submit}
    >
      <label className="search-form__label" htmlFor={id}>
        {t.field}
      </label>
      <div className="search-form__row">
        <input
          id={id}
          name="q"
          type="search"
          className="field__input search-form__input"
          defaultValue={defaultValue}
          maxLength={200}
          autoComplete="off"
        />
        <Button type="submit">{t.submit}</Button>
      </div>
    </form>
  );
}
