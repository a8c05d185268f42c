import { useId } from 'react';

import type { components } from '../../../api/openapi';
import { POSITION_LABEL } from '../../../ui/labels';
import type { Position } from '../consultation-queries';
import { compilationMessages as t } from './messages';

type PositionCounts = components['schemas']['PositionCountsResponse'];

const POSITIONS = Object.keys(POSITION_LABEL) as Position[];

const WIDTH = 360;
const LABEL_WIDTH = 140;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 40;
const ROW = 30;

/**
 * The positions taken on one question as horizontal bars: an SVG image named and described for
 * a screen reader (role="img", its title and the counts in words), and the same numbers in a
 * table below it.
 */
export function PositionChart({ counts, what }: { counts: PositionCounts; what: string }) {
  const id = useId();
  const most = Math.max(1, ...POSITIONS.map((p) => counts[p]));
  const description = t.chartDescription(POSITIONS.map((p) => `${POSITION_LABEL[p]} ${counts[p]}`).join(', '));
  return (
    <div className="position-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${POSITIONS.length * ROW}`}
        className="position-chart__image"
      >
        <title id={`${id}-title`}>{t.chartTitle(what)}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {POSITIONS.map((p, i) => {
          const width = (counts[p] / most) * BAR_SPACE;
          const y = i * ROW;
          return (
            <g key={p} aria-hidden="true">
              <text x={0} y={y + 19} className="position-chart__label">
                {POSITION_LABEL[p]}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 5}
                width={Math.max(width, 1)}
                height={ROW - 10}
                className="position-chart__bar"
              />
              <text x={LABEL_WIDTH + width + 6} y={y + 19} className="position-chart__value">
                {counts[p]}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="position-chart__table">
        <caption>{t.countsCaption(what)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.position}</th>
            <th scope="col">{t.count}</th>
          </tr>
        </thead>
        <tbody>
          {POSITIONS.map((p) => (
            <tr key={p}>
              <th scope="row">{POSITION_LABEL[p]}</th>
              <td>{counts[p]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
