/* Consento console: progressive enhancement only. Pages work without it; with it, [data-chart] elements get
   Apache ECharts charts (the data sits in data-series as JSON) and the print button prints. */
(function () {
  'use strict';

  var PALETTE = ['#0b5cad', '#d9534f', '#f0a500', '#17683a', '#7a4fb5', '#1f9eb0'];

  function axisOption(spec, horizontal) {
    var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, hideOverlap: true } };
    var valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}' + (spec.unit || '') } };
    if (spec.unit === '%') {
      valueAxis.max = 100;
      valueAxis.minInterval = null;
    }
    if (horizontal) {
      categoryAxis.inverse = true; // the first category on top, as in the table
    } else {
      categoryAxis.axisLabel.rotate = spec.categories.length > 8 ? 40 : 0;
    }
    return horizontal ? { xAxis: valueAxis, yAxis: categoryAxis } : { xAxis: categoryAxis, yAxis: valueAxis };
  }

  function option(spec) {
    var horizontal = spec.kind === 'hbar';
    var type = spec.kind === 'line' ? 'line' : 'bar';
    var axes = axisOption(spec, horizontal);
    var notes = spec.notes || [];
    var opt = {
      color: PALETTE,
      animation: false,
      grid: { left: 12, right: 24, top: spec.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: type === 'line' ? 'line' : 'shadow' },
        formatter: function (items) {
          var lines = [items[0].axisValueLabel];
          items.forEach(function (it) { lines.push(it.marker + it.seriesName + ': ' + it.value + (spec.unit || '')); });
          if (notes[items[0].dataIndex]) { lines.push(notes[items[0].dataIndex]); }
          return lines.join('<br>');
        }
      },
      legend: spec.series.length > 1 ? { top: 0 } : { show: false },
      xAxis: axes.xAxis,
      yAxis: axes.yAxis,
      series: spec.series.map(function (s) {
        return { name: s.name, type: type, data: s.data, smooth: false, barMaxWidth: 28,
          showSymbol: type === 'line' && spec.categories.length <= 31 };
      })
    };
    if (spec.empty) {
      opt.graphic = [{ type: 'text', left: 'center', top: 'middle', silent: true,
        style: { text: spec.emptyText || '', fill: '#5a6472', fontSize: 14 } }];
    }
    return opt;
  }

  function drawCharts() {
    var nodes = document.querySelectorAll('[data-chart]');
    if (!nodes.length || !window.echarts) { return; }
    var charts = [];
    Array.prototype.forEach.call(nodes, function (el) {
      var spec;
      try { spec = JSON.parse(el.getAttribute('data-series') || '{}'); } catch (e) { spec = null; }
      if (!spec || !spec.series) { spec = { kind: 'bar', categories: [], series: [{ name: '', data: [] }], empty: true }; }
      var chart = window.echarts.init(el, null, { renderer: 'canvas', locale: el.getAttribute('data-locale') === 'en' ? 'EN' : 'ZH' });
      chart.setOption(option(spec));
      el.setAttribute('data-drawn', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  function wirePrint() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-action="print"]'), function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    wirePrint();
  });
}());
