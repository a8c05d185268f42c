import type { components } from '../../api/openapi';
import { Button } from '../../ui/Button';
import { formatIsoDate, todayInStockholm } from '../../ui/format';
import { substituteMessages as t } from './messages';

type Substitute = components['schemas']['SubstituteResponse'];

/** Substitutes with their period and state, each still to come or under way with its revoke button. */
export function SubstituteTable({
  substitutes,
  revokingId,
  onRevoke,
}: {
  substitutes: readonly Substitute[];
  /** The one being revoked now, if any. */
  revokingId: string | undefined;
  onRevoke: (substitute: Substitute) => void;
}) {
  const today = todayInStockholm();
  return (
    <table className="stack-table">
      <thead>
        <tr>
          <th scope="col">{t.person}</th>
          <th scope="col">{t.period}</th>
          <th scope="col">{t.state}</th>
          <th scope="col">
            <span className="visually-hidden">{t.revoke}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {substitutes.map((s) => (
          <tr key={s.id}>
            <td data-label={t.person}>{s.substitute.name}</td>
            <td data-label={t.period}>{t.periodOf(formatIsoDate(s.validFrom), formatIsoDate(s.validTo))}</td>
            <td data-label={t.state}>
              {s.revoked ? t.revoked : s.validTo < today ? t.past : s.validFrom > today ? t.coming : t.current}
            </td>
            <td data-label={t.revoke}>
              {!s.revoked && s.validTo >= today ? (
                <Button
                  variant="secondary"
                  aria-label={t.revokeFor(s.substitute.name)}
                  isPending={revokingId === s.id}
                  onPress={() => onRevoke(s)}
                >
                  {t.revoke}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
