/*
 * Proxima widget: inserts the /embed page in an iframe where this script stands.
 *   <script src="https://proxima.example/embed/widget.js" data-families="ssiad" data-commune="48095"
 *           data-lang="fr" data-height="520" data-search="0" async></script>
 * data- attributes (all optional): need, families, audience, commune, zoom, lang, height (px), search (1 or 0),
 * minutes, title. A classic script (not a module) so that it runs on any partner page.
 */
(function proximaWidget() {
  var script = document.currentScript;
  if (!script || !script.parentNode) {
    return;
  }
  var names = ['need', 'families', 'audience', 'commune', 'zoom', 'lang', 'search', 'minutes'];
  var source = new URL(script.src, window.location.href);
  var target = new URL('/embed', source.origin);
  names.forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null && value !== '') {
      target.searchParams.set(name, value);
    }
  });
  var frame = document.createElement('iframe');
  frame.src = target.href;
  frame.title = script.getAttribute('data-title') || (script.getAttribute('data-lang') === 'en'
    ? 'Proxima: services near you' : 'Proxima : services près de chez vous');
  frame.loading = 'lazy';
  frame.setAttribute('allow', 'geolocation');
  frame.className = 'proxima-widget';
  frame.style.width = '100%';
  frame.style.maxWidth = '100%';
  frame.style.border = '1px solid #c8c8c8';
  frame.style.height = (parseInt(script.getAttribute('data-height'), 10) || 520) + 'px';
  script.parentNode.insertBefore(frame, script.nextSibling);
}());
