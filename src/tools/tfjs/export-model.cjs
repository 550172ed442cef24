#!/usr/bin/env node
// Writes a network bundled in nsfwjs 4.4.0 (MobileNetV2 or InceptionV3) as a standard TF.js layers
// model (model.json + one weights .bin) with the classifier head removed: the network ends at its last
// feature map (out_relu for MobileNetV2, mixed10 for InceptionV3). Weights stay uint8-quantised, as
// shipped; the converter dequantises them.
//
// usage: node export-model.cjs <out-dir> [<nsfwjs models/mobilenet_v2 or models/inception_v3 dir>]
'use strict';

const fs = require('fs');
const path = require('path');

// The last feature map of each network; every layer after it is the package's classifier head.
const LAST_FEATURE_LAYER = { mobilenet_v2: 'out_relu', inception_v3: 'mixed10' };

function defaultSourceDir() {
  // nsfwjs's "exports" hides package.json and the model files, so look in node_modules directly.
  return path.join(__dirname, 'node_modules', 'nsfwjs', 'dist', 'models', 'mobilenet_v2');
}

function main() {
  const [outDir, sourceArg] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node export-model.cjs <out-dir> [<nsfwjs models/mobilenet_v2 or models/inception_v3 dir>]');
    process.exit(2);
  }
  const sourceDir = path.resolve(sourceArg || defaultSourceDir());
  const lastFeatureLayer = LAST_FEATURE_LAYER[path.basename(sourceDir)];
  if (!lastFeatureLayer) {
    throw new Error(`${sourceDir}: expected a folder named ${Object.keys(LAST_FEATURE_LAYER).join(' or ')}`);
  }
  const model = require(path.join(sourceDir, 'model.min.js'));
  const group = model.weightsManifest[0];
  // Each shard is a .min.js module exporting its bytes as base64; together they hold the weights back to back.
  const shard = Buffer.concat(group.paths.map(p => Buffer.from(require(path.join(sourceDir, p + '.min.js')), 'base64')));

  const config = model.modelTopology.model_config.config;
  const byName = new Map(config.layers.map(l => [l.name, l]));
  if (!byName.has(lastFeatureLayer)) {
    throw new Error(`${sourceDir}: no layer named ${lastFeatureLayer}`);
  }
  const kept = new Set();
  const keep = name => {
    if (kept.has(name)) return;
    kept.add(name);
    for (const call of byName.get(name).inbound_nodes) call.forEach(([inbound]) => keep(inbound));
  };
  keep(lastFeatureLayer);
  config.layers = config.layers.filter(l => kept.has(l.name));
  config.output_layers = [[lastFeatureLayer, 0, 0]];

  // Keep the bytes of the kept layers' weights.
  const keptSpecs = [];
  const keptChunks = [];
  let offset = 0;
  for (const spec of group.weights) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytesPer = spec.quantization ? bytesPerQuantised(spec.quantization.dtype) : 4;
    const size = count * bytesPer;
    const layer = spec.name.split('/')[0];
    if (kept.has(layer)) {
      keptSpecs.push(spec);
      keptChunks.push(shard.subarray(offset, offset + size));
    }
    offset += size;
  }
  if (offset !== shard.length) {
    throw new Error(`weights manifest covers ${offset} bytes but the shards hold ${shard.length}`);
  }

  fs.mkdirSync(outDir, { recursive: true });
  const binName = 'group1-shard1of1.bin';
  fs.writeFileSync(path.join(outDir, binName), Buffer.concat(keptChunks));
  const out = {
    format: 'layers-model',
    generatedBy: 'keras v' + model.modelTopology.keras_version,
    convertedBy: 'activelabel export-model.cjs from nsfwjs 4.4.0',
    modelTopology: model.modelTopology,
    weightsManifest: [{ paths: [binName], weights: keptSpecs }],
  };
  fs.writeFileSync(path.join(outDir, 'model.json'), JSON.stringify(out));
  console.log(`wrote ${config.layers.length} layers and ${keptSpecs.length} weight tensors to ${outDir}`);
}

function bytesPerQuantised(dtype) {
  switch (dtype) {
    case 'uint8': return 1;
    case 'uint16': case 'float16': return 2;
    default: throw new Error('unsupported quantisation dtype ' + dtype);
  }
}

main();
