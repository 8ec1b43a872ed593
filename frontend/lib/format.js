// Words for the figures of a result: travel time with its method, distance, type, dates.
import { formatDate, formatNumber, t } from './i18n.js';

/** "18 min" on the road network, "≈ 18 min (estimation)" otherwise. */
export function travelTime(result) {
  if (result.minutes === null || result.minutes === undefined) {
    return '';
  }
  const minutes = formatNumber(Math.max(1, Math.round(result.minutes)));
  return result.method === 'network' ? t('time.network', { minutes }) : t('time.estimate', { minutes });
}

export function distance(result) {
  if (result.metres === null || result.metres === undefined) {
    return '';
  }
  const km = result.metres / 1000;
  return t('distance.km', { km: formatNumber(km, { maximumFractionDigits: km < 10 ? 1 : 0 }) });
}

/** The type of an offer in plain words: its family, and the FINESS category when it says more. */
export function offerType(offer) {
  return t(`family.${offer.family}`);
}

export function audience(code) {
  return t(`audience.${code || 'all'}`);
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** A date in words, flagged when it is over a year old. */
export function dated(iso) {
  if (!iso) {
    return { text: t('detail.unknownDate'), old: false };
  }
  const old = Date.now() - new Date(iso).getTime() > YEAR_MS;
  const text = formatDate(iso);
  return { text: old ? t('detail.oldDate', { date: text }) : text, old };
}

/** What the list says about a service at home and the searched commune. */
export function zoneStatus(result, homeCare) {
  if (!homeCare) {
    return '';
  }
  if (!result.declaredZone) {
    return t('zone.none');
  }
  if (result.servesCommune === true) {
    return t('zone.declared');
  }
  if (result.servesCommune === false) {
    return t('zone.notDeclared');
  }
  return t('zone.some');
}
