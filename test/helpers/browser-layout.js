/* global document, window, getComputedStyle */
/*
 * Runs in the report page (read by browser-checks.ts and evaluated there): how the browser laid
 * the page out. Plain JavaScript, as the project's TypeScript has no DOM types.
 *
 * A chart mark is a rect, circle, ellipse, polygon, path or polyline outside <defs> and the like,
 * painted (fill or stroke not none, not hidden, not transparent), with an area — or, stroked, a
 * length (a flat line) — and not a background covering nearly the whole drawing. Plain <line>
 * elements are left out: axes, ticks and reference lines are drawn with them even on an empty chart.
 */
(() => {
  const root = document.documentElement;
  const label = (el) =>
    el.tagName.toLowerCase() +
    (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '') +
    ' "' +
    (el.textContent || '').trim().slice(0, 40) +
    '"';
  const sticking = [];
  if (root.scrollWidth > root.clientWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 0.5 || r.left < -0.5)
        sticking.push(label(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');
      if (sticking.length >= 5) break;
    }
  }
  const painted = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    return s.fill !== 'none' || s.stroke !== 'none';
  };
  const charts = [...document.querySelectorAll('figure.chart')].map((figure) => {
    const svg = figure.querySelector('svg');
    if (!svg) return { id: figure.id, hasSvg: false, width: 0, height: 0, marks: 0, name: '' };
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('rect, circle, ellipse, polygon, path, polyline')].filter((el) => {
      if (el.closest('defs, clipPath, mask, marker, pattern, symbol') || !painted(el)) return false;
      const r = el.getBoundingClientRect();
      if (r.width * r.height >= 0.9 * box.width * box.height) return false;
      const area = r.width > 0 && r.height > 0;
      const line =
        /^(path|polyline)$/.test(el.tagName) && getComputedStyle(el).stroke !== 'none' && r.width + r.height > 0;
      return area || line;
    });
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const title = svg.querySelector(':scope > title');
    const name = (
      svg.getAttribute('aria-label') ||
      ids.map((id) => (document.getElementById(id) || {}).textContent || '').join(' ') ||
      (title ? title.textContent : '') ||
      ''
    ).trim();
    return { id: figure.id, hasSvg: true, width: box.width, height: box.height, marks: marks.length, name };
  });
  // WCAG contrast of HTML text against the background it sits on (ancestors' colours composited over white).
  const rgba = (c) => {
    const m = c.match(/[\d.]+/g) || ['0', '0', '0'];
    return m
      .map(Number)
      .concat(m.length < 4 ? [1] : [])
      .slice(0, 4);
  };
  const over = (top, bottom) =>
    top
      .slice(0, 3)
      .map((v, i) => v * top[3] + bottom[i] * (1 - top[3]))
      .concat([1]);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const lowContrast = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '')) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
    const layers = [];
    for (let a = el; a; a = a.parentElement) layers.push(rgba(getComputedStyle(a).backgroundColor));
    const background = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
    const color = over(rgba(style.color), background);
    const [light, dark] = [luminance(color), luminance(background)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) lowContrast.push(label(el) + ' ' + ratio.toFixed(2) + ':1');
    if (lowContrast.length >= 5) break;
  }
  const headline = document.querySelector('.headline');
  const h = headline ? headline.getBoundingClientRect() : { top: 0, width: 0, height: 0 };
  return {
    clientWidth: root.clientWidth,
    scrollWidth: root.scrollWidth,
    sticking,
    charts,
    lowContrast,
    headline: { text: headline ? headline.textContent.trim() : '', top: h.top, width: h.width, height: h.height },
    viewportHeight: window.innerHeight,
  };
})();
