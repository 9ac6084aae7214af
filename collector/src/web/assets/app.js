// xiaowang dashboard script: charts from JSON blocks, and confirmations. No inline code
// anywhere (the CSP allows scripts from this origin only), and no HTML built from data.
(function () {
  'use strict';

  function readData(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || 'null') : null;
  }

  var PALETTE = ['#0b5cad', '#1a7f37', '#c62828', '#8a6d00', '#6a3fb5', '#00838f', '#d96c00'];

  function percentAxis() {
    return {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: {
        formatter: function (v) {
          return Math.round(v * 100) + '%';
        },
      },
    };
  }

  function bpsLabel(v) {
    var units = [
      [1e9, 'G'],
      [1e6, 'M'],
      [1e3, 'k'],
    ];
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(v) >= units[i][0])
        return (v / units[i][0]).toFixed(1).replace(/\.0$/, '') + ' ' + units[i][1];
    }
    return String(v);
  }

  function trendOption(d) {
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: function (v) {
          return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%';
        },
      },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.days },
      yAxis: percentAxis(),
      series: d.series.map(function (s) {
        return {
          name: s.name,
          type: 'line',
          connectNulls: false,
          showSymbol: d.days.length < 40,
          data: s.values,
        };
      }),
    };
  }

  function utilisationOption(d) {
    var top = d.lines.reduce(function (m, l) {
      return Math.max(m, l.bps);
    }, 0);
    var marks = d.lines.map(function (l) {
      return { name: l.name, yAxis: l.bps, label: { formatter: l.name } };
    });
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: function (v) {
          return v === null || v === undefined ? '—' : bpsLabel(v) + 'bit/s';
        },
      },
      legend: { top: 0 },
      grid: { left: 60, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'time' },
      // The port speed and the contracted line are what the traffic is judged against, so
      // the axis always reaches them even when traffic is far below.
      yAxis: {
        type: 'value',
        axisLabel: { formatter: bpsLabel },
        max: function (v) {
          return Math.max(v.max, top) * 1.05;
        },
      },
      series: d.series.map(function (s, i) {
        var series = { name: s.name, type: 'line', showSymbol: false, data: s.points };
        if (i === 0 && marks.length > 0)
          series.markLine = {
            symbol: 'none',
            silent: true,
            data: marks,
            lineStyle: { type: 'dashed' },
          };
        return series;
      }),
    };
  }

  var BUILDERS = { trend: trendOption, utilisation: utilisationOption };

  function drawCharts() {
    if (typeof window.echarts === 'undefined') return;
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var build = BUILDERS[el.getAttribute('data-chart')];
      var data = readData(el.getAttribute('data-source'));
      if (!build || !data) return;
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(build(data));
      el.setAttribute('data-rendered', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) {
        c.resize();
      });
    });
  }

  function confirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    confirmations();
  });
})();
